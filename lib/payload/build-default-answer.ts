import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import type { SimulatedFailure } from "@/lib/payload/simulated-failure-schema";

const JSON_TYPE = "application/json; charset=utf-8";

const WHY: Record<SimulatedFailure["reason"], string> = {
  settings: "the bin's response settings",
  "status-path": "the /status/<code> path",
  "fail-first": "fail-first retry testing",
  gone: "the bin's gone switch (410, like an unsubscribed endpoint)",
  chaos: "chaos testing (random failures)",
  rule: "a response rule",
};

/**
 * The body the echo endpoint sends when the plan has none of its own: the receipt
 * {"received":true,...} for a success, and for a 4xx/5xx a failure that says it is simulated,
 * so neither the sender nor a person reading it takes it for a real receipt or a real outage.
 */
export function buildDefaultAnswer({
  plan,
  deliveryId,
}: {
  plan: Pick<PlannedResponse, "status" | "reason" | "attempt" | "rule">;
  deliveryId: string;
}): { body: string; contentType: string } {
  // forward_* rows record the body they sent, so only simulated reasons get here with a 4xx/5xx.
  const reason =
    plan.status >= 400 && Object.hasOwn(WHY, plan.reason)
      ? (plan.reason as SimulatedFailure["reason"])
      : null;
  if (reason === null) {
    // The receipt of nearly every capture: JSON.stringify's text of {received, deliveryId},
    // without building the object.
    return {
      body: `{"received":true,"deliveryId":${JSON.stringify(deliveryId)}}`,
      contentType: JSON_TYPE,
    };
  }
  const attempt =
    plan.reason === "fail-first" && plan.attempt
      ? ` (attempt ${plan.attempt})`
      : plan.reason === "rule" && plan.rule
        ? ` (rule ${plan.rule})`
        : "";
  const failure: SimulatedFailure = {
    error: "simulated_failure",
    simulated: true,
    status: plan.status,
    reason,
    ...(plan.attempt ? { attempt: plan.attempt } : {}),
    ...(plan.rule ? { rule: plan.rule } : {}),
    message: `Simulated ${plan.status} by Webhook Echo from ${WHY[reason]}${attempt}; the delivery was stored.`,
    deliveryId,
  };
  return { body: JSON.stringify(failure), contentType: JSON_TYPE };
}
