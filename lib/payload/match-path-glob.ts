/** Whether one path segment matches a segment pattern whose only wildcard is `*`. */
function matchSegment(pattern: readonly string[], segment: string): boolean {
  // pattern = the literal parts between the stars, e.g. "a*b*c" -> ["a", "b", "c"].
  if (pattern.length === 1) return pattern[0] === segment;
  const first = pattern[0] ?? "";
  const last = pattern[pattern.length - 1] ?? "";
  if (segment.length < first.length + last.length) return false;
  if (!segment.startsWith(first) || !segment.endsWith(last)) return false;
  // Leftmost placement of each middle literal is optimal: every `*` absorbs what lies between,
  // so one indexOf per literal decides it (no backtracking, linear in the segment).
  let at = first.length;
  const end = segment.length - last.length;
  for (let i = 1; i < pattern.length - 1; i++) {
    const literal = pattern[i] ?? "";
    const found = segment.indexOf(literal, at);
    if (found === -1 || found + literal.length > end) return false;
    at = found + literal.length;
  }
  return true;
}

/**
 * Segment comparisons one glob may spend on one path. Honest globs need a few dozen; a hostile
 * one on a path of thousands of segments could need millions, and simply does not match then.
 */
export const MAX_GLOB_STEPS = 20_000;

interface Budget {
  steps: number;
}

function matchRun(
  run: readonly (readonly string[])[],
  segments: readonly string[],
  at: number,
  budget: Budget,
): boolean {
  for (let i = 0; i < run.length; i++) {
    if (++budget.steps > MAX_GLOB_STEPS) return false;
    const segment = segments[at + i];
    if (segment === undefined || !matchSegment(run[i] ?? [], segment)) return false;
  }
  return true;
}

/**
 * Matches a path against a glob without regular expressions (so no pattern can backtrack):
 * `*` matches any characters within one segment, a segment that is exactly `**` matches any
 * number of segments (none included); every other character is literal. The `**` segments
 * split the glob into runs of fixed length: the first run is anchored at the start, the last
 * at the end, and each middle run is placed leftmost, which is optimal for the same reason as
 * within a segment. Cost: at most MAX_GLOB_STEPS segment comparisons, each linear in the
 * segment (past the budget the glob does not match).
 */
export function matchPathGlob({ glob, path }: { glob: string; path: string }): boolean {
  const budget: Budget = { steps: 0 };
  const segments = (path === "" ? "/" : path).split("/");
  const runs: string[][][] = [[]];
  for (const part of glob.split("/")) {
    if (part === "**") runs.push([]);
    else runs[runs.length - 1]?.push(part.split("*"));
  }
  const head = runs[0] ?? [];
  if (runs.length === 1)
    return head.length === segments.length && matchRun(head, segments, 0, budget);
  const tail = runs[runs.length - 1] ?? [];
  if (head.length + tail.length > segments.length) return false;
  if (!matchRun(head, segments, 0, budget)) return false;
  const tailAt = segments.length - tail.length;
  if (!matchRun(tail, segments, tailAt, budget)) return false;
  let at = head.length;
  for (let r = 1; r < runs.length - 1; r++) {
    const run = runs[r] ?? [];
    while (at + run.length <= tailAt && !matchRun(run, segments, at, budget)) {
      if (budget.steps > MAX_GLOB_STEPS) return false;
      at++;
    }
    if (at + run.length > tailAt) return false;
    at += run.length;
  }
  return true;
}
