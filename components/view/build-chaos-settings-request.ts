import { numberOrText } from "@/components/view/number-or-text";

/** What the owner typed into the chaos form, as text. */
export interface ChaosFormState {
  failureRate: string;
  statuses: string;
  retryAfterSeconds: string;
  gone: boolean;
}

/** The PUT /api/bins/<id>/settings body for the chaos form: a rate of 0 or none turns chaos off. */
export function buildChaosSettingsRequest(form: ChaosFormState) {
  const rate = form.failureRate.trim();
  const statuses = form.statuses
    .split(/[\s,]+/)
    .filter((part) => part !== "")
    .map(numberOrText);
  const chaos =
    rate === "" || rate === "0"
      ? null
      : {
          failureRate: numberOrText(rate),
          ...(statuses.length > 0 ? { statuses } : {}),
          ...(form.retryAfterSeconds.trim() !== ""
            ? { retryAfterSeconds: numberOrText(form.retryAfterSeconds) }
            : {}),
        };
  return { chaos, gone: form.gone };
}
