import { numberOrText } from "@/components/view/number-or-text";

/** What the owner typed into the response form, as text. */
export interface ResponseFormState {
  status: string;
  headers: Array<{ key: number; name: string; value: string }>;
  body: string;
  contentType: string;
  delayMs: string;
  failCount: string;
  failStatus: string;
}

/** The PUT /api/bins/<id>/settings body for the form: defaults are sent as null. */
export function buildResponseSettingsRequest(form: ResponseFormState) {
  const response: Record<string, unknown> = {};
  if (form.status.trim() !== "" && form.status.trim() !== "200") {
    response.status = numberOrText(form.status);
  }
  const headers = form.headers.filter((row) => row.name.trim() !== "");
  if (headers.length > 0) {
    response.headers = Object.fromEntries(headers.map((row) => [row.name.trim(), row.value]));
  }
  if (form.body !== "") response.body = form.body;
  if (form.contentType.trim() !== "") response.contentType = form.contentType.trim();
  if (form.delayMs.trim() !== "" && form.delayMs.trim() !== "0") {
    response.delayMs = numberOrText(form.delayMs);
  }
  const failCount = form.failCount.trim();
  return {
    response: Object.keys(response).length === 0 ? null : response,
    failFirst:
      failCount === "" || failCount === "0"
        ? null
        : { count: numberOrText(failCount), status: numberOrText(form.failStatus) },
  };
}
