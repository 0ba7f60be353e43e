export interface ApplyHeaderEditsOptions {
  headers: ReadonlyArray<readonly [string, string]>;
  /** Names to drop (every copy, any case). */
  remove?: readonly string[];
  /** Set: replaces every copy of the name in place of the first one, else appends. */
  set?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Edits a captured header list the way a person means it: order and case of everything else
 * stay as captured, so the rest of the request remains byte-exact.
 */
export function applyHeaderEdits({
  headers,
  remove = [],
  set = [],
}: ApplyHeaderEditsOptions): Array<[string, string]> {
  const removed = new Set(remove.map((name) => name.toLowerCase()));
  let result: Array<[string, string]> = headers
    .filter(([name]) => !removed.has(name.toLowerCase()))
    .map(([name, value]) => [name, value]);
  for (const [name, value] of set) {
    const lower = name.toLowerCase();
    const index = result.findIndex(([key]) => key.toLowerCase() === lower);
    if (index === -1) {
      result.push([name, value]);
      continue;
    }
    result = result.filter(([key], i) => i === index || key.toLowerCase() !== lower);
    result[result.findIndex(([key]) => key.toLowerCase() === lower)] = [name, value];
  }
  return result;
}
