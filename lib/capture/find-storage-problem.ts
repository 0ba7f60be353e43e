import { isStorableText } from "@/lib/text/is-storable-text";

export interface FindStorageProblemOptions {
  /** A text column's value (a string), or anything stored as jsonb. */
  value: unknown;
  /** varchar(n): the most code points the column holds. */
  maxChars?: number;
}

// U+0000 or any surrogate: a quick test (every capture's strings pass here) before the exact
// one, which tells a lone surrogate from a pair.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;

function textProblem(value: string, maxChars?: number): string | null {
  if (SUSPECT.test(value) && !isStorableText({ text: value })) {
    return value.includes("\u0000") ? "contains U+0000" : "contains a lone surrogate";
  }
  // varchar(n) counts code points; the UTF-16 length is an upper bound.
  if (maxChars !== undefined && value.length > maxChars && [...value].length > maxChars) {
    return `longer than ${maxChars} characters`;
  }
  return null;
}

// Every string inside a jsonb value counts, keys included.
function jsonProblem(value: unknown, depth: number): string | null {
  if (depth > 64) return "nested too deeply";
  if (typeof value === "string") return textProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    // for-in rather than Object.entries: runs on every capture's answer plan and verdict, and
    // allocates nothing.
    const object = value as Record<string, unknown>;
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      const problem = textProblem(key) ?? jsonProblem(object[key], depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/** Why PostgreSQL (text or jsonb, UTF-8) would refuse or alter this value, or null. */
export function findStorageProblem({ value, maxChars }: FindStorageProblemOptions): string | null {
  return typeof value === "string" ? textProblem(value, maxChars) : jsonProblem(value, 0);
}
