import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { decodeBase64 } from "@/lib/signatures/decode-base64";
import { encodeBase64 } from "@/lib/signatures/encode-base64";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";

const HEADER = "X-Shopify-Hmac-Sha256";
const SIGNATURE_BYTES = 32;

export async function verifyShopifySignature({
  headers,
  body,
  secret,
}: VerifyOptions): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme: "shopify", headers, name: HEADER, secret });
  if (!read.ok) return read.result;
  const key = new TextEncoder().encode(read.secret);

  const received = decodeBase64(read.value);
  if (received?.length !== SIGNATURE_BYTES) {
    const expected = encodeBase64(await hmacSha256(key, body));
    return {
      scheme: "shopify",
      status: "invalid",
      reason: `${HEADER} is malformed: expected base64 of 32 bytes (44 chars)`,
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
    expected: encodeBase64(check.expected),
  });
  if (!check.matched)
    return { scheme: "shopify", status: "invalid", reason: check.reason, ownerDetail };
  return {
    scheme: "shopify",
    status: "valid",
    reason: `Valid Shopify signature in ${HEADER}`,
    ownerDetail,
  };
}
