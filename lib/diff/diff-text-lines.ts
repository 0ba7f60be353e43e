import { diffLines } from "diff";
import { createChangeList } from "@/lib/diff/create-change-list";
import type { BodyChange, BodyDiffLimit } from "@/lib/diff/delivery-diff-schema";

export interface TextDiffLimits {
  maxChanges: number;
  maxChars: number;
  /** Texts with more lines than this (either side) are not compared line by line. */
  maxLines: number;
  /** Lines added plus removed that jsdiff explores at most (its cost grows with it). */
  maxEditLength: number;
  /** A last guard on the time jsdiff may hold the event loop, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_TEXT_DIFF_LIMITS: TextDiffLimits = {
  maxChanges: 1000,
  maxChars: 256 * 1024,
  maxLines: 50_000,
  maxEditLength: 500,
  timeoutMs: 150,
};

export interface TextDiffResult {
  changes: BodyChange[];
  truncated: boolean;
  /** "effort": too many lines or too different; no changes are listed then. */
  limit: BodyDiffLimit;
}

function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    lines++;
  }
  return lines;
}

/** "L3" or "L3-L5": lines are numbered from 1. */
const lineRange = (start: number, count: number) =>
  count <= 1 ? `L${start}` : `L${start}-L${start + count - 1}`;

/** The lines of a change as text: jsdiff keeps each line's "\n"; the last one is dropped. */
const linesOf = (value: string) => (value.endsWith("\n") ? value.slice(0, -1) : value);

/**
 * Line differences between two texts with jsdiff (Myers' algorithm). A run of removed lines
 * followed by added lines is one "changed" change; removed and changed ranges are lines of
 * `before`, added ranges lines of `after`. Bounded: a text over `maxLines`, or a pair further
 * apart than `maxEditLength` lines, gets no line list (limit "effort") instead of a long diff.
 */
export function diffTextLines({
  before,
  after,
  limits = DEFAULT_TEXT_DIFF_LIMITS,
}: {
  before: string;
  after: string;
  limits?: TextDiffLimits;
}): TextDiffResult {
  const effort: TextDiffResult = { changes: [], truncated: true, limit: "effort" };
  if (countLines(before) > limits.maxLines || countLines(after) > limits.maxLines) return effort;
  const parts = diffLines(before, after, {
    maxEditLength: limits.maxEditLength,
    timeout: limits.timeoutMs,
  });
  if (!parts) return effort;

  const list = createChangeList(limits);
  let lineBefore = 1;
  let lineAfter = 1;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const count = part.count ?? 0;
    let change: BodyChange | null = null;
    if (part.removed) {
      const next = parts[index + 1];
      if (next?.added) {
        // Only the final line break differs: keep it, or the two sides would read the same.
        const trim = linesOf(part.value) !== linesOf(next.value);
        change = {
          path: lineRange(lineBefore, count),
          op: "changed",
          before: trim ? linesOf(part.value) : part.value,
          after: trim ? linesOf(next.value) : next.value,
        };
        lineAfter += next.count ?? 0;
        index++;
      } else {
        change = {
          path: lineRange(lineBefore, count),
          op: "removed",
          before: linesOf(part.value),
          after: null,
        };
      }
      lineBefore += count;
    } else if (part.added) {
      change = {
        path: lineRange(lineAfter, count),
        op: "added",
        before: null,
        after: linesOf(part.value),
      };
      lineAfter += count;
    } else {
      lineBefore += count;
      lineAfter += count;
    }
    if (change && !list.add(change))
      return { changes: list.changes, truncated: true, limit: "changes" };
  }
  return { changes: list.changes, truncated: false, limit: null };
}
