import { humanizeKey } from "@/lib/analysis/humanize-key";
import type { ResultViewPlan } from "@/lib/analysis/result-view-plan";
import { splitKeyWords } from "@/lib/analysis/split-key-words";
import { toRecord } from "@/lib/analysis/to-record";

// Past this many nested containers the rest becomes one json node, so hostile nesting can't
// produce an unbounded tree (or stack).
const MAX_DEPTH = 12;

// Keys whose numbers are always on a 0–100 scale.
const PERCENT_WORDS = new Set(["percent", "percentage", "pct"]);
// Keys whose numbers are usually 0–1 fractions, sometimes 0–100.
const SCORE_WORDS = new Set([
  "score",
  "rating",
  "confidence",
  "probability",
  "likelihood",
  "ratio",
  "rate",
  "accuracy",
]);

// A table needs every row to carry at least this share of all columns; sparser arrays read
// better as one section per item than as a grid of blanks.
const MIN_TABLE_OVERLAP = 0.5;

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function planNumber(key: string, label: string, value: number): ResultViewPlan {
  const words = splitKeyWords({ key });
  if (Number.isFinite(value) && value >= 0) {
    if (words.some((word) => PERCENT_WORDS.has(word)) && value <= 100) {
      return { kind: "scoreBar", label, value, max: 100, display: `${round1(value)}%` };
    }
    if (words.some((word) => SCORE_WORDS.has(word))) {
      if (value <= 1) {
        return { kind: "scoreBar", label, value, max: 1, display: `${Math.round(value * 100)}%` };
      }
      // 1 < value <= 10 is as likely "7 out of 10" (or 4 stars) as "7 out of 100": no bar
      // beats a misleading one.
      if (value > 10 && value <= 100) {
        return { kind: "scoreBar", label, value, max: 100, display: `${round1(value)}/100` };
      }
    }
  }
  return { kind: "number", label, value };
}

function tableOf(label: string, items: Record<string, unknown>[]): ResultViewPlan | null {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const [column, cell] of Object.entries(item)) {
      // Nested cells would be unreadable in a grid; plan those items as sections instead.
      if (!isPrimitive(cell)) return null;
      if (!seen.has(column)) {
        seen.add(column);
        columns.push(column);
      }
    }
  }
  if (columns.length === 0) return null;
  for (const item of items) {
    if (Object.keys(item).length / columns.length < MIN_TABLE_OVERLAP) return null;
  }
  return {
    kind: "table",
    label,
    columns: columns.map((column) => humanizeKey({ key: column })),
    rows: items.map((item) =>
      columns.map((column) => (Object.hasOwn(item, column) ? item[column] : undefined)),
    ),
  };
}

function planArray(label: string, value: unknown[], depth: number): ResultViewPlan {
  if (value.every((item) => typeof item === "string" || typeof item === "number")) {
    return { kind: "list", label, items: value.map((item) => String(item)) };
  }
  const records = value.map((item) => toRecord({ value: item }));
  if (records.every((record) => record !== null)) {
    const table = tableOf(label, records);
    if (table) return table;
  }
  return {
    kind: "section",
    label,
    children: value.map((item, index) =>
      plan({ key: "", label: `Item ${index + 1}`, value: item, depth: depth + 1 }),
    ),
  };
}

function plan({
  key,
  label,
  value,
  depth,
}: {
  key: string;
  label: string;
  value: unknown;
  depth: number;
}): ResultViewPlan {
  if (value === null || value === undefined) return { kind: "empty", label };
  if (typeof value === "boolean") return { kind: "passFail", label, passed: value };
  if (typeof value === "number") return planNumber(key, label, value);
  if (typeof value === "string") return { kind: "text", label, value };
  if (typeof value !== "object") return { kind: "json", label, value };
  if (depth >= MAX_DEPTH) return { kind: "json", label, value };
  if (Array.isArray(value)) return planArray(label, value, depth);
  return {
    kind: "section",
    label,
    children: Object.entries(value).map(([childKey, child]: [string, unknown]) =>
      plan({
        key: childKey,
        label: humanizeKey({ key: childKey }),
        value: child,
        depth: depth + 1,
      }),
    ),
  };
}

// Decides how each field of an open-ended results section is drawn: objects → sections,
// booleans → pass/fail, score-like numbers → bars, uniform object arrays → tables.
export function planResultView({ key, value }: { key: string; value: unknown }): ResultViewPlan {
  return plan({ key, label: humanizeKey({ key }), value, depth: 0 });
}
