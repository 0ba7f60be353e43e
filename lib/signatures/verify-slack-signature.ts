import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { concatBytes } from "@/lib/signatures/concat-bytes";
import { decodeHex } from "@/lib/signatures/decode-hex";
import { judgeTimedSignature } from "@/lib/signatures/judge-timed-signature";
import { encodeHex } from "@/lib/signatures/encode-hex";
import { parseUnixTimestamp } from "@/lib/signatures/parse-unix-timestamp";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import { readSingleHeader } from "@/lib/signatures/read-single-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const HEADER = "X-Slack-Signature";
const TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
const SIGNATURE_PATTERN = /^v0=([0-9a-f]{64})$/i;

export async function verifySlackSignature({
  headers,
  body,
  secret,
  now,
}: VerifyOptions): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme: "slack", headers, name: HEADER, secret });
  if (!read.ok) return read.result;

  const hex = SIGNATURE_PATTERN.exec(read.value)?.[1];
  const received = hex === undefined ? null : decodeHex(hex);
  if (!received) {
    return {
      scheme: "slack",
      status: "invalid",
      reason: `${HEADER} is malformed: expected v0=<64 hex chars>`,
    };
  }

  const timestampHeader = readSingleHeader({ headers, name: TIMESTAMP_HEADER });
  if (timestampHeader.kind === "absent") {
    return {
      scheme: "slack",
      status: "invalid",
      reason: `${TIMESTAMP_HEADER} is missing; Slack signs "v0:<timestamp>:<body>"`,
    };
  }
  if (timestampHeader.kind === "duplicate") {
    return {
      scheme: "slack",
      status: "invalid",
      reason: `${TIMESTAMP_HEADER} appears ${timestampHeader.count} times; expected exactly one`,
    };
  }
  const timestamp = parseUnixTimestamp(timestampHeader.value);
  if (timestamp === null) {
    return {
      scheme: "slack",
      status: "invalid",
      reason: `${TIMESTAMP_HEADER} is malformed: expected Unix seconds`,
    };
  }

  const prefix = new TextEncoder().encode(`v0:${timestamp}:`);
  const check = await checkHmacSignature({
    header: HEADER,
    key: new TextEncoder().encode(read.secret),
    body,
    candidates: [received],
    signedContent: (content) => concatBytes([prefix, content]),
  });
  const ownerDetail = buildOwnerDetail({
    header: HEADER,
    received: read.value,
    expected: `v0=${encodeHex(check.expected)}`,
  });
  return judgeTimedSignature({
    scheme: "slack",
    label: "Slack",
    header: HEADER,
    check,
    ownerDetail,
    timestamp,
    now,
  });
}
