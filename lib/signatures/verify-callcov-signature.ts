import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { decodeHex } from "@/lib/signatures/decode-hex";
import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const HEADER = "X-CallCov-Signature";
const SIGNATURE_BYTES = 32;

export async function verifyCallcovSignature({
  headers,
  body,
  secret,
}: VerifyOptions): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme: "callcov", headers, name: HEADER, secret });
  if (!read.ok) return read.result;
  const key = new TextEncoder().encode(read.secret);

  const received = decodeHex(read.value);
  if (received?.length !== SIGNATURE_BYTES) {
    const expected = encodeHex(await hmacSha256(key, body));
    return {
      scheme: "callcov",
      status: "invalid",
      reason: `${HEADER} is malformed: expected <64 hex chars>`,
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
    expected: encodeHex(check.expected),
  });
  if (!check.matched)
    return { scheme: "callcov", status: "invalid", reason: check.reason, ownerDetail };
  return {
    scheme: "callcov",
    status: "valid",
    reason: `Valid CallCov signature in ${HEADER}`,
    ownerDetail,
  };
}
