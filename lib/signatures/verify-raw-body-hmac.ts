import { buildOwnerDetail } from "@/lib/signatures/build-owner-detail";
import { checkHmacSignature } from "@/lib/signatures/check-hmac-signature";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";
import { readSignatureHeader } from "@/lib/signatures/read-signature-header";
import type {
  SignatureResult,
  SignatureScheme,
  VerifyOptions,
} from "@/lib/signatures/signature-result";

export interface RawBodyHmacScheme {
  scheme: SignatureScheme;
  label: string;
  header: string;
  /** The 32 signature bytes carried by the header value, or null when it is malformed. */
  parse: (value: string) => Uint8Array | null;
  /** How the header would carry a given signature (for the owner's expected value). */
  format: (signature: Uint8Array) => string;
  /** What a well-formed value looks like, for the "malformed" reason. */
  expectedForm: string;
}

/**
 * The schemes that sign the raw body alone with the UTF-8 secret (CallCov, GitHub, Shopify);
 * they differ only in the header and how it encodes the 32 bytes.
 */
export async function verifyRawBodyHmac(
  { scheme, label, header, parse, format, expectedForm }: RawBodyHmacScheme,
  { headers, body, secret }: VerifyOptions,
): Promise<SignatureResult> {
  const read = readSignatureHeader({ scheme, headers, name: header, secret });
  if (!read.ok) return read.result;
  const key = new TextEncoder().encode(read.secret);

  const received = parse(read.value);
  if (received?.length !== 32) {
    return {
      scheme,
      status: "invalid",
      reason: `${header} is malformed: expected ${expectedForm}`,
      ownerDetail: buildOwnerDetail({
        header,
        received: read.value,
        expected: format(await hmacSha256(key, body)),
      }),
    };
  }

  const check = await checkHmacSignature({
    header,
    key,
    body,
    candidates: [received],
    signedContent: (content) => content,
  });
  const ownerDetail = buildOwnerDetail({
    header,
    received: read.value,
    expected: format(check.expected),
  });
  if (!check.matched) return { scheme, status: "invalid", reason: check.reason, ownerDetail };
  return { scheme, status: "valid", reason: `Valid ${label} signature in ${header}`, ownerDetail };
}
