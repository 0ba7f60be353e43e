import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { concatBytes } from "@/lib/signatures/concat-bytes";
import { decodeHex } from "@/lib/signatures/decode-hex";
import { judgeTimedSignature } from "@/lib/signatures/judge-timed-signature";
import { encodeHex } from "@/lib/signatures/encode-hex";
import { parseUnixTimestamp } from "@/lib/signatures/parse-unix-timestamp";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const HEADER = "Stripe-Signature";
const SIGNATURE_BYTES = 32;
const MALFORMED = `${HEADER} is malformed: expected t=<unix seconds>,v1=<64 hex chars>`;

export async function verifyStripeSignature({
  headers,
  body,
  secret,
  now,
}: VerifyOptions): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme: "stripe", headers, name: HEADER, secret });
  if (!read.ok) return read.result;

  const parsed = parseStripeHeader(read.value);
  if (!parsed.ok) {
    return { scheme: "stripe", status: "invalid", reason: `${MALFORMED} (${parsed.problem})` };
  }
  const { timestamp, candidates } = parsed;

  // Stripe signs "<t>.<raw body>"; bytes, not a decoded string, so non-UTF-8 bodies still verify.
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const check = await checkHmacSignature({
    header: HEADER,
    key: new TextEncoder().encode(read.secret),
    body,
    candidates,
    signedContent: (content) => concatBytes([prefix, content]),
  });
  const ownerDetail = buildOwnerDetail({
    header: HEADER,
    received: read.value,
    expected: `t=${timestamp},v1=${encodeHex(check.expected)}`,
  });
  return judgeTimedSignature({
    scheme: "stripe",
    label: "Stripe",
    header: HEADER,
    check,
    ownerDetail,
    timestamp,
    now,
  });
}

type ParsedStripeHeader =
  { ok: true; timestamp: number; candidates: Uint8Array[] } | { ok: false; problem: string };

function parseStripeHeader(value: string): ParsedStripeHeader {
  const timestamps: string[] = [];
  const candidates: Uint8Array[] = [];
  for (const item of value.split(",")) {
    const separator = item.indexOf("=");
    if (separator === -1) continue;
    const key = item.slice(0, separator).trim();
    const itemValue = item.slice(separator + 1).trim();
    if (key === "t") timestamps.push(itemValue);
    // Other schemes (v0 test signatures, future versions) are ignored, as Stripe's libraries do.
    if (key === "v1") {
      const signature = decodeHex(itemValue);
      if (signature?.length === SIGNATURE_BYTES) candidates.push(signature);
    }
  }
  const [timestampText] = timestamps;
  if (timestampText === undefined) return { ok: false, problem: "no t= timestamp" };
  if (timestamps.length > 1) {
    return { ok: false, problem: `t= appears ${timestamps.length} times` };
  }
  const timestamp = parseUnixTimestamp(timestampText);
  if (timestamp === null) return { ok: false, problem: "t= is not Unix seconds" };
  if (candidates.length === 0) return { ok: false, problem: "no v1= signature of 64 hex chars" };
  return { ok: true, timestamp, candidates };
}
