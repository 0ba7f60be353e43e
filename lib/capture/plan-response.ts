import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import type { ResponseSettings, SimulationSettings } from "@/lib/bins/bin-settings-schema";
import {
  checkResponseHeaders,
  type RefusedResponseHeader,
} from "@/lib/payload/check-response-headers";
import { findMatchingRule, type RuleRequest } from "@/lib/capture/find-matching-rule";
import { rollChaos } from "@/lib/capture/roll-chaos";

export interface Plan extends PlannedResponse {
  /** Headers of stored settings that break today's rules: not sent (the caller logs them). */
  droppedHeaders?: RefusedResponseHeader[];
}

const STATUS_PATH = /^\/status\/([1-5]\d\d)(?:\/|$)/;

// Statuses whose senders look for Retry-After (rate limited, temporarily unavailable).
const RETRY_AFTER_STATUSES = new Set([429, 503]);

const NO_REQUEST: Omit<RuleRequest, "path"> = { method: "", headers: [], json: { ok: false } };

/** A configured answer (the bin's response settings or a rule's), checked as when saving. */
function toPlan(configured: ResponseSettings | null, reason: Plan["reason"]): Plan {
  // The same rules as saving: settings stored before a rule existed are neutralised here.
  const checked = checkResponseHeaders({
    headers: configured?.headers,
    contentType: configured?.contentType,
  });
  const plan: Plan = {
    status: configured?.status ?? 200,
    headers: checked.headers,
    body: configured?.body ?? null,
    contentType: checked.contentType,
    delayMs: configured?.delayMs ?? 0,
    reason,
  };
  // Set only when there are some (a conditional spread here cost every capture a slow copy).
  if (checked.refused.length > 0) plan.droppedHeaders = checked.refused;
  return plan;
}

// The answer a bin's settings configure is the same for every capture while its settings are
// cached (the same object): it is made and checked once, and shared frozen, so it can be
// neither changed by a caller nor serialized more than once (toJsonText).
const configuredPlans = new WeakMap<ResponseSettings, Plan>();
const DEFAULT_PLAN = freezePlan(toPlan(null, "default"));

function freezePlan(plan: Plan): Plan {
  Object.freeze(plan.headers);
  return Object.freeze(plan);
}

function basePlan(configured: ResponseSettings | null | undefined): Plan {
  if (!configured) return DEFAULT_PLAN;
  let plan = configuredPlans.get(configured);
  if (!plan) configuredPlans.set(configured, (plan = freezePlan(toPlan(configured, "settings"))));
  return plan;
}

/**
 * Decides what the echo endpoint answers, once, in this order (the first that applies wins):
 *
 * 1. gone: 410 to everything, like an unsubscribed endpoint (the strongest statement).
 * 2. fail-first: deterministic retry testing must not be skipped by a random draw.
 * 3. chaos: a random share of captures fails, whatever a rule would answer (chaos tests the
 *    sender's handling of failures, rules are the happy path it is tested against).
 * 4. the first matching response rule: the owner's explicit, request-specific answer.
 * 5. the /status/<code> path: the sender's per-URL choice, for bins without a matching rule.
 * 6. the bin's response settings, else the default 200 receipt.
 *
 * Simulated failures (1-3) keep the configured headers and delay but carry no body, so the
 * SimulatedFailure body is sent; 429/503 from chaos add Retry-After. `priorAttempts` counts
 * earlier deliveries of the same analysis (or identical body); it is null when fail-first is
 * not configured, so no query was made. `random` is only drawn when chaos is configured.
 */
export function planResponse({
  settings,
  path,
  priorAttempts,
  request = NO_REQUEST,
  random = Math.random,
}: {
  settings: SimulationSettings;
  path: string;
  priorAttempts: number | null;
  request?: Omit<RuleRequest, "path">;
  random?: () => number;
}): Plan {
  const base = basePlan(settings.response);
  if (settings.gone) return { ...base, body: null, contentType: null, status: 410, reason: "gone" };
  const failFirst = settings.failFirst;
  if (failFirst && priorAttempts !== null && priorAttempts < failFirst.count) {
    return {
      ...base,
      body: null,
      contentType: null,
      status: failFirst.status,
      reason: "fail-first",
      attempt: priorAttempts + 1,
    };
  }
  const chaosStatus = rollChaos({ chaos: settings.chaos, random });
  if (chaosStatus !== null) {
    const retryAfter: Record<string, string> =
      settings.chaos && RETRY_AFTER_STATUSES.has(chaosStatus)
        ? { "Retry-After": String(settings.chaos.retryAfterSeconds) }
        : {};
    return {
      ...base,
      body: null,
      contentType: null,
      headers: { ...base.headers, ...retryAfter },
      status: chaosStatus,
      reason: "chaos",
    };
  }
  const rules = settings.rules ?? [];
  const ruleIndex =
    rules.length > 0 ? findMatchingRule({ rules, request: { ...request, path } }) : -1;
  const rule = rules[ruleIndex];
  if (rule) return { ...toPlan(rule.response, "rule"), rule: ruleIndex + 1 };
  const override = STATUS_PATH.exec(path);
  const code = override ? Number(override[1]) : NaN;
  if (code >= 200 && code <= 599) {
    return { ...base, status: code, body: null, contentType: null, reason: "status-path" };
  }
  return base;
}
