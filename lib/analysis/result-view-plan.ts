// Render plan for an undocumented results section: the UI draws nodes, it never inspects data.
export type ResultViewPlan =
  | { kind: "section"; label: string; children: ResultViewPlan[] }
  | { kind: "passFail"; label: string; passed: boolean }
  | { kind: "scoreBar"; label: string; value: number; max: 1 | 100; display: string }
  | { kind: "number"; label: string; value: number }
  | { kind: "list"; label: string; items: string[] }
  // Cells are primitives (string, number, boolean, null) or undefined where a row lacks a column.
  | { kind: "table"; label: string; columns: string[]; rows: unknown[][] }
  | { kind: "text"; label: string; value: string }
  | { kind: "empty"; label: string }
  // Anything too deep (or not JSON) to plan safely; the UI pretty-prints it.
  | { kind: "json"; label: string; value: unknown };

export type ResultViewPlanKind = ResultViewPlan["kind"];
