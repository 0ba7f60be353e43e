import { responseRulesSchema, type ResponseRule } from "@/lib/bins/bin-settings-schema";

export type CheckedRules = { ok: true; rules: ResponseRule[] } | { ok: false; message: string };

/**
 * The rules editor's text, checked in the browser with the server's own schema, so a mistake
 * is named (with where it is) before anything is sent. An empty editor means no rules.
 */
export function checkRulesJson({ text }: { text: string }): CheckedRules {
  if (text.trim() === "") return { ok: true, rules: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not JSON: ${error instanceof Error ? error.message : error}` };
  }
  const parsed = responseRulesSchema.safeParse(value);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const issue = parsed.error.issues[0];
  const where = ["rules", ...(issue?.path ?? [])]
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${String(part)}`,
    )
    .join("");
  return { ok: false, message: `${where}: ${issue?.message ?? "invalid"}` };
}
