import type { DeliveryDetail } from "@/lib/client/client-types";

// C0 controls but tab and newline, DEL and C1 controls: a captured body or header must not
// drive the reader's terminal (colours, cursor moves, title or clipboard escapes).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A delivery for a person at a terminal: request line, verdicts, headers, then the body. */
export function formatDeliveryDetail({ delivery }: { delivery: DeliveryDetail }): string {
  const target = `${delivery.path || "/"}${delivery.query ? `?${delivery.query}` : ""}`;
  const signature = delivery.signature;
  const lines = [
    `${delivery.method} ${target}`,
    `Delivery:  ${delivery.id}`,
    `Received:  ${delivery.receivedAt}${delivery.remoteAddress ? ` from ${delivery.remoteAddress}` : ""}`,
    `Answered:  ${delivery.responseStatus ?? "-"}`,
    `Signature: ${signature.status}${signature.scheme ? ` (${signature.scheme})` : ""}: ${signature.reason}`,
  ];
  if (delivery.analysisId) {
    lines.push(
      `Analysis:  ${delivery.analysisId} (attempt ${delivery.attempt}${delivery.isDuplicate ? ", duplicate" : ""})`,
    );
  }
  lines.push("", "Headers:");
  for (const [name, value] of delivery.headers) lines.push(`  ${name}: ${value}`);
  const kind = delivery.contentType ? `, ${delivery.contentType}` : "";
  lines.push("", `Body (${delivery.size} bytes${kind}):`);
  if (delivery.size === 0) lines.push("(empty)");
  else if (delivery.bodyText !== null) lines.push(prettyBody(delivery.bodyText));
  else lines.push("(not UTF-8 text; base64:)", delivery.bodyBase64);
  return escapeControls(lines.join("\n"));
}
