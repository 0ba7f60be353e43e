import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { decodeHex } from "@/lib/signatures/decode-hex";
import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const HEADER = "X-Hub-Signature-256";
const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

export async function verifyGithubSignature({
  headers,
  body,
  secret,
}: VerifyOptions): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme: "github", headers, name: HEADER, secret });
  if (!read.ok) return read.result;
  const key = new TextEncoder().encode(read.secret);

  const hex = SIGNATURE_PATTERN.exec(read.value)?.[1];
  const received = hex === undefined ? null : decodeHex(hex);
  if (!received) {
    const expected = `sha256=${encodeHex(await hmacSha256(key, body))}`;
    return {
      scheme: "github",
      status: "invalid",
      reason: `${HEADER} is malformed: expected sha256=<64 hex chars>`,
      ownerDetail: buildOwnerDetail({ header: HEADER, received: read.value, expected }),
    };
  }

  const check = await checkHmacSignature({
    header: HEADER,
    key,
    body,
    candidates: [received],
    signedContent: (content) => content,
  });
  const ownerDetail = buildOwnerDetail({
    header: HEADER,
    received: read.value,
    expected: `sha256=${encodeHex(check.expected)}`,
  });
  if (!check.matched)
    return { scheme: "github", status: "invalid", reason: check.reason, ownerDetail };
  return {
    scheme: "github",
    status: "valid",
    reason: `Valid GitHub signature in ${HEADER}`,
    ownerDetail,
  };
}
