import { matchPathGlob } from "@/lib/payload/match-path-glob";
import type { JsonBody } from "@/lib/payload/parse-json-body";
import { readJsonPath } from "@/lib/payload/read-json-path";
import type { ResponseRule } from "@/lib/bins/bin-settings-schema";

/** What a rule may look at of the captured request. */
export interface RuleRequest {
  method: string;
  /** Raw path after /echo/<bin> ("" for none). */
  path: string;
  /** As sent: [name, value] in wire order. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The body parsed once by capture; not JSON (or too large): never matches a json condition. */
  json: JsonBody;
}

function matches(when: ResponseRule["when"], request: RuleRequest): boolean {
  if (when.method !== undefined && when.method.toUpperCase() !== request.method.toUpperCase()) {
    return false;
  }
  if (when.path !== undefined && !matchPathGlob({ glob: when.path, path: request.path })) {
    return false;
  }
  const header = when.header;
  if (header !== undefined) {
    const name = header.name.toLowerCase();
    const contains = header.contains ?? "";
    const found = request.headers.some(
      ([sent, value]) => sent.toLowerCase() === name && value.includes(contains),
    );
    if (!found) return false;
  }
  if (when.json !== undefined) {
    if (!request.json.ok) return false;
    const at = readJsonPath({ value: request.json.value, path: when.json.path });
    // Primitives only (the schema allows nothing else), so === is JSON equality here.
    if (!at.found || at.value !== when.json.equals) return false;
  }
  return true;
}

/** The index of the first rule whose every given condition matches the request, or -1. */
export function findMatchingRule({
  rules,
  request,
}: {
  rules: readonly ResponseRule[];
  request: RuleRequest;
}): number {
  return rules.findIndex((rule) => matches(rule.when, request));
}
