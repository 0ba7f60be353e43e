import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { concatBytes } from "@/lib/signatures/concat-bytes";
import { decodeBase64 } from "@/lib/signatures/decode-base64";
import { deriveStandardWebhooksKey } from "@/lib/signatures/derive-standard-webhooks-key";
import { encodeBase64 } from "@/lib/signatures/encode-base64";
import { parseUnixTimestamp } from "@/lib/signatures/parse-unix-timestamp";
import { judgeTimedSignature } from "@/lib/signatures/judge-timed-signature";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import { readSingleHeader } from "@/lib/signatures/read-single-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const SIGNATURE_BYTES = 32;

export async function verifyStandardWebhooksSignature({
  headers,
  body,
  secret,
  now,
}: VerifyOptions): Promise<SignatureResult> {
  // Svix sends the same scheme under its own prefix; never mix headers across the two families.
  const family =
    readSingleHeader({ headers, name: "webhook-signature" }).kind !== "absent" ? "webhook" : "svix";
  const header = `${family}-signature`;
  const read = readSignatureHeader({ scheme: "standard-webhooks", headers, name: header, secret });
  if (!read.ok) return read.result;

  const candidates = parseSignatures(read.value);
  if (candidates.length === 0) {
    return {
      scheme: "standard-webhooks",
      status: "invalid",
      reason: `${header} is malformed: expected space-separated v1,<base64> entries`,
    };
  }

  const fields: string[] = [];
  for (const name of [`${family}-id`, `${family}-timestamp`]) {
    const field = readSingleHeader({ headers, name });
    if (field.kind === "absent") {
      return {
        scheme: "standard-webhooks",
        status: "invalid",
        reason: `${name} is missing; Standard Webhooks signs "<id>.<timestamp>.<body>"`,
      };
    }
    if (field.kind === "duplicate") {
      return {
        scheme: "standard-webhooks",
        status: "invalid",
        reason: `${name} appears ${field.count} times; expected exactly one`,
      };
    }
    fields.push(field.value);
  }
  const [id = "", timestampText = ""] = fields;
  const timestamp = parseUnixTimestamp(timestampText);
  if (timestamp === null) {
    return {
      scheme: "standard-webhooks",
      status: "invalid",
      reason: `${family}-timestamp is malformed: expected Unix seconds`,
    };
  }

  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const check = await checkHmacSignature({
    header,
    key: deriveStandardWebhooksKey(read.secret),
    body,
    candidates,
    signedContent: (content) => concatBytes([prefix, content]),
  });
  const ownerDetail = buildOwnerDetail({
    header,
    received: read.value,
    expected: `v1,${encodeBase64(check.expected)}`,
  });
  return judgeTimedSignature({
    scheme: "standard-webhooks",
    label: "Standard Webhooks",
    header,
    check,
    ownerDetail,
    timestamp,
    now,
  });
}

/** Entries other than v1 (e.g. asymmetric v1a) are skipped: they cannot be checked with an HMAC. */
function parseSignatures(value: string): Uint8Array[] {
  const candidates: Uint8Array[] = [];
  for (const entry of value.split(" ")) {
    const separator = entry.indexOf(",");
    if (separator === -1 || entry.slice(0, separator) !== "v1") continue;
    const signature = decodeBase64(entry.slice(separator + 1));
    if (signature?.length === SIGNATURE_BYTES) candidates.push(signature);
  }
  return candidates;
}
