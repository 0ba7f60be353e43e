import { explainNoSecret } from "@/lib/signatures/explain-no-secret";
import { readSingleHeader } from "@/lib/signatures/read-single-header";
import type {
  HeaderPairs,
  SignatureResult,
  SignatureScheme,
} from "@/lib/signatures/signature-result";

export type SignatureHeaderRead =
  { ok: true; value: string; secret: string } | { ok: false; result: SignatureResult };

/** The checks every scheme verifier starts with, so each can also be called on its own. */
export function readSignatureHeader({
  scheme,
  headers,
  name,
  secret,
}: {
  scheme: SignatureScheme;
  headers: HeaderPairs;
  name: string;
  secret: string | null;
}): SignatureHeaderRead {
  const header = readSingleHeader({ headers, name });
  if (!secret) {
    const suggested = header.kind === "absent" ? null : scheme;
    return {
      ok: false,
      result: {
        scheme: suggested,
        status: "no_secret",
        reason: explainNoSecret({ scheme: suggested }),
      },
    };
  }
  if (header.kind === "absent") {
    return {
      ok: false,
      result: {
        scheme: null,
        status: "missing",
        reason: `No signature header found; looked for ${name}`,
      },
    };
  }
  if (header.kind === "duplicate") {
    return {
      ok: false,
      result: {
        scheme,
        status: "invalid",
        reason: `${name} appears ${header.count} times; expected exactly one`,
      },
    };
  }
  return { ok: true, value: header.value, secret };
}
