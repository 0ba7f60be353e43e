import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import {
  checkResponseHeaders,
  type RefusedResponseHeader,
} from "@/lib/payload/check-response-headers";

export interface Plan extends PlannedResponse {
  /** Headers of stored settings that break today's rules: not sent (the caller logs them). */
  droppedHeaders?: RefusedResponseHeader[];
}

const STATUS_PATH = /^\/status\/([1-5]\d\d)(?:\/|$)/;

/**
 * Decides what the echo endpoint answers. Precedence: fail-first (retry testing) over the
 * /status/<code> path override over the bin's response settings over the default 200.
 * `priorAttempts` counts earlier deliveries of the same analysis (or identical body); it is
 * null when fail-first is not configured, so no query was made.
 */
export function planResponse({
  settings,
  path,
  priorAttempts,
}: {
  settings: SimulationSettings;
  path: string;
  priorAttempts: number | null;
}): Plan {
  const configured = settings.response;
  // The same rules as saving: settings stored before a rule existed are neutralised here.
  const checked = checkResponseHeaders({
    headers: configured?.headers,
    contentType: configured?.contentType,
  });
  const base: Plan = {
    status: configured?.status ?? 200,
    headers: checked.headers,
    body: configured?.body ?? null,
    contentType: checked.contentType,
    delayMs: configured?.delayMs ?? 0,
    reason: configured ? "settings" : "default",
    ...(checked.refused.length > 0 ? { droppedHeaders: checked.refused } : {}),
  };
  const failFirst = settings.failFirst;
  if (failFirst && priorAttempts !== null && priorAttempts < failFirst.count) {
    return {
      ...base,
      status: failFirst.status,
      body: null,
      contentType: null,
      reason: "fail-first",
      attempt: priorAttempts + 1,
    };
  }
  const override = STATUS_PATH.exec(path);
  const code = override ? Number(override[1]) : NaN;
  if (code >= 200 && code <= 599) {
    return { ...base, status: code, body: null, contentType: null, reason: "status-path" };
  }
  return base;
}
