export interface SimulatedResponseInput {
  response: {
    status?: number;
    headers?: Record<string, string>;
    body?: string;
    contentType?: string;
    delayMs?: number;
  } | null;
  failFirst: { count: number; status: number } | null;
  rules?: readonly unknown[];
  chaos?: { failureRate: number; statuses: readonly number[] } | null;
  gone?: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * One sentence for anyone viewing a bin: what its echo URL answers, e.g. "Answers 503 after
 * 2000 ms; fails the first 2 attempts of each analysis with 503".
 */
export function describeSimulatedResponse({
  response,
  failFirst,
  rules = [],
  chaos = null,
  gone = false,
}: SimulatedResponseInput): string {
  // Listed in the planner's precedence (lib/capture/plan-response.ts): the first that applies wins.
  const lead: string[] = [];
  if (gone) lead.push("Answers 410 Gone to every delivery (like an unsubscribed endpoint)");
  if (chaos && chaos.failureRate > 0) {
    lead.push(
      `fails ${Math.round(chaos.failureRate * 1000) / 10}% of deliveries at random with ${chaos.statuses.join("/")}`,
    );
  }
  if (rules.length > 0) lead.push(`${plural(rules.length, "response rule")} (first match wins)`);
  const status = response?.status ?? 200;
  const parts: string[] = [];
  const body = response?.body;
  const headerCount = Object.keys(response?.headers ?? {}).length;
  let answer = `Answers ${status}`;
  if (body === undefined) answer += response ? "" : " with the default JSON";
  else if (body === "") answer += " with an empty body";
  else answer += ` with a custom ${response?.contentType || "text/plain"} body`;
  if (headerCount > 0) answer += ` and ${plural(headerCount, "extra header")}`;
  if (response?.delayMs) answer += ` after ${response.delayMs} ms`;
  parts.push(answer);
  if (failFirst && failFirst.count > 0) {
    parts.push(
      `fails the first ${failFirst.count === 1 ? "attempt" : plural(failFirst.count, "attempt")} of each analysis with ${failFirst.status}`,
    );
  }
  if (lead.length > 0) parts[0] = `otherwise ${answer.replace(/^Answers/, "answers")}`;
  return [...lead, ...parts].join("; ");
}
