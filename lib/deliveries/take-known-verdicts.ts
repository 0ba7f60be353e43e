/** The known verdicts of `ids` when there is one for each of them, else null (read as usual). */
export function takeKnownVerdicts<Verdict>({
  ids,
  known,
}: {
  ids: string[];
  known?: Map<string, Verdict>;
}): Map<string, Verdict> | null {
  if (!known) return null;
  const verdicts = new Map<string, Verdict>();
  for (const id of ids) {
    if (!known.has(id)) return null;
    verdicts.set(id, known.get(id)!);
  }
  return verdicts;
}
