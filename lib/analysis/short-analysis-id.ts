// Long enough to tell analyses apart in a list, short enough to leave room for the agent.
const SHORT_LENGTH = 10;

/** "an_8f3k2m9x…" for list rows: the start of the id, where CallCov puts its prefix. */
export function shortAnalysisId({ id }: { id: string }): string {
  return id.length <= SHORT_LENGTH + 1 ? id : `${id.slice(0, SHORT_LENGTH)}…`;
}
