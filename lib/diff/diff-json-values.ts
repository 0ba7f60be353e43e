import { createChangeList } from "@/lib/diff/create-change-list";
import type { BodyDiffLimit, BodyChange, DiffOp } from "@/lib/diff/delivery-diff-schema";
import { previewJsonValue } from "@/lib/diff/preview-json-value";

export interface JsonDiffLimits {
  /** Changes listed at most; more set truncated with limit "changes". */
  maxChanges: number;
  /** Characters of paths and values listed at most (the answer's size). */
  maxChars: number;
  /** Value pairs visited at most; past it the diff stops with limit "effort". */
  maxNodes: number;
  /** Deeper differences are reported as one change of the container at this depth. */
  maxDepth: number;
}

export const DEFAULT_JSON_DIFF_LIMITS: JsonDiffLimits = {
  maxChanges: 1000,
  maxChars: 256 * 1024,
  maxNodes: 200_000,
  maxDepth: 100,
};

export interface JsonDiffResult {
  changes: BodyChange[];
  truncated: boolean;
  limit: BodyDiffLimit;
}

interface Pair {
  /** The pair this one is a child of, and its key there: the path is built only when reported. */
  parent: Pair | null;
  key: string | number;
  depth: number;
  before: unknown;
  after: unknown;
  /** Set for a value only one side has: reported as is, not compared. */
  only?: Exclude<DiffOp, "changed">;
}

type Shape = "array" | "object" | "scalar";

const shapeOf = (value: unknown): Shape =>
  Array.isArray(value)
    ? "array"
    : value !== null && typeof value === "object"
      ? "object"
      : "scalar";

/** RFC 6901: "~" and "/" inside a key are escaped. */
const escapeKey = (key: string | number) =>
  typeof key === "number" ? String(key) : key.replaceAll("~", "~0").replaceAll("/", "~1");

/** The JSON Pointer of a pair ("" for the root). */
function pointerOf(pair: Pair): string {
  const segments: string[] = [];
  for (let at: Pair | null = pair; at?.parent; at = at.parent) segments.push(escapeKey(at.key));
  return segments.length === 0 ? "" : `/${segments.reverse().join("/")}`;
}

/** The children of two containers of the same shape, in document order (keys of `before` first). */
function childPairs(pair: Pair, shape: "array" | "object"): Pair[] {
  const depth = pair.depth + 1;
  const children: Pair[] = [];
  const child = (key: string | number, before: unknown, after: unknown, only?: Pair["only"]) =>
    children.push({ parent: pair, key, depth, before, after, only });
  if (shape === "array") {
    const before = pair.before as unknown[];
    const after = pair.after as unknown[];
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      if (index >= after.length) child(index, before[index], undefined, "removed");
      else if (index >= before.length) child(index, undefined, after[index], "added");
      else child(index, before[index], after[index]);
    }
    return children;
  }
  const before = pair.before as Record<string, unknown>;
  const after = pair.after as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key)) child(key, before[key], after[key]);
    else child(key, before[key], undefined, "removed");
  }
  for (const key of Object.keys(after)) {
    if (!Object.hasOwn(before, key)) child(key, undefined, after[key], "added");
  }
  return children;
}

/**
 * Whether two parsed JSON values are equal, iteratively, spending the shared node budget:
 * true, false, or null when the budget ran out first.
 */
function deepEqual(before: unknown, after: unknown, budget: { nodes: number }): boolean | null {
  const stack: Array<[unknown, unknown]> = [[before, after]];
  while (stack.length > 0) {
    if (--budget.nodes < 0) return null;
    const [a, b] = stack.pop()!;
    const shape = shapeOf(a);
    if (shape !== shapeOf(b)) return false;
    if (shape === "scalar") {
      if (a !== b) return false;
    } else if (shape === "array") {
      const left = a as unknown[];
      const right = b as unknown[];
      if (left.length !== right.length) return false;
      for (let index = 0; index < left.length; index++) stack.push([left[index], right[index]]);
    } else {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      const keys = Object.keys(left);
      if (keys.length !== Object.keys(right).length) return false;
      for (const key of keys) {
        if (!Object.hasOwn(right, key)) return false;
        stack.push([left[key], right[key]]);
      }
    }
  }
  return true;
}

/**
 * The differences between two parsed JSON documents, as JSON Pointer paths in document order.
 * Key order and whitespace are not changes (the values are compared, not the text); numbers
 * compare by value (1.0 equals 1); arrays compare by index (an insertion at the front changes
 * every later index: simple and predictable, as the contract asks). A value only one side has
 * is one change, however large. Iterative with bounded work (see JsonDiffLimits), so a hostile
 * document (deep, wide, or both) cannot exhaust the stack or hold the event loop.
 */
export function diffJsonValues({
  before,
  after,
  limits = DEFAULT_JSON_DIFF_LIMITS,
}: {
  before: unknown;
  after: unknown;
  limits?: JsonDiffLimits;
}): JsonDiffResult {
  const list = createChangeList(limits);
  const budget = { nodes: limits.maxNodes };
  const stack: Pair[] = [{ parent: null, key: "", depth: 0, before, after }];
  const stop = (limit: Exclude<BodyDiffLimit, null>): JsonDiffResult => ({
    changes: list.changes,
    truncated: true,
    limit,
  });
  const add = (pair: Pair, op: DiffOp) =>
    list.add({
      path: pointerOf(pair),
      op,
      before: op === "added" ? null : previewJsonValue({ value: pair.before }),
      after: op === "removed" ? null : previewJsonValue({ value: pair.after }),
    });

  while (stack.length > 0) {
    const pair = stack.pop()!;
    if (--budget.nodes < 0) return stop("effort");
    if (pair.only) {
      if (!add(pair, pair.only)) return stop("changes");
      continue;
    }
    const shape = shapeOf(pair.before);
    let differs: boolean;
    if (shape !== shapeOf(pair.after)) differs = true;
    else if (shape === "scalar") differs = pair.before !== pair.after;
    else if (pair.depth >= limits.maxDepth) {
      // Deeper paths are not listed: the whole container is one change if anything inside differs.
      const equal = deepEqual(pair.before, pair.after, budget);
      if (equal === null) return stop("effort");
      differs = !equal;
    } else {
      const children = childPairs(pair, shape);
      // Popped last-in first-out: push in reverse so changes come out in document order.
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
      continue;
    }
    if (differs && !add(pair, "changed")) return stop("changes");
  }
  return { changes: list.changes, truncated: false, limit: null };
}
