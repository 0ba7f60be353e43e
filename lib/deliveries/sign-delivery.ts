import { randomUUID } from "node:crypto";
import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import type { DeliverySigned, SignDeliveryRequest } from "@/lib/deliveries/sign-delivery.types";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isValidBinId } from "@/lib/ids/bin-id";
import { getRateLimiter } from "@/lib/rate-limits/get-rate-limiter";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { buildSignatureHeaders } from "@/lib/signatures/build-signature-headers";
import { detectSignatureScheme } from "@/lib/signatures/detect-signature-scheme";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

export interface SignDeliveryOptions {
  binId: string;
  deliveryId: string;
  token: string | null;
  clientIp: string;
  /** Reads and validates the request body; called only once the owner is proven. */
  readRequest: () => Promise<SignDeliveryRequest>;
  now?: () => Date;
  randomId?: () => string;
}

async function enforceSignRateLimit(key: string, who: string): Promise<void> {
  const decision = await getRateLimiter().check([
    { key, limit: getEnv().RATE_LIMIT_SIGN_PER_MINUTE },
  ]);
  if (!decision.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many signing requests ${who}; retry in ${decision.retryAfterSeconds} s`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}

/**
 * Owner-only: signs the bytes a replay will send with the bin's secret, for the delivery's
 * detected scheme, at the current time, and returns only the headers. The secret never leaves
 * the server, and it never signs for anyone but the owner (no signing oracle for viewers: they
 * can plant any body in a bin, so signing on their behalf would hand out valid signatures).
 */
export async function signDelivery({
  binId,
  deliveryId,
  token,
  clientIp,
  readRequest,
  now = () => new Date(),
  randomId = () => `msg_${randomUUID().replaceAll("-", "")}`,
}: SignDeliveryOptions): Promise<DeliverySigned> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  // Per address before the token check, so guessing tokens is bounded; per bin only after it,
  // so strangers cannot spend the owner's budget.
  await enforceSignRateLimit(`sign:ip:${clientIp}`, "from your address");
  const bin = await requireBinOwner({ binId, token });
  await enforceSignRateLimit(`sign:bin:${binId}`, "for this bin");
  const delivery = await getDeliveryOrThrow({ binId, deliveryId });
  const scheme = detectSignatureScheme({ headers: delivery.headers });
  if (!scheme) {
    const lookedFor = SIGNATURE_SCHEMES.flatMap((info) => info.signatureHeaders).join(", ");
    throw new AppError(
      "CONFLICT",
      `This delivery carries no signature header of a known scheme (${lookedFor}), so there is nothing to re-sign; replay it unsigned`,
    );
  }
  if (!bin.webhookSecretEncrypted) {
    throw new AppError(
      "CONFLICT",
      "This bin has no webhook secret; set one in Settings (the same secret the sender uses) to re-sign replays",
    );
  }
  const secret = decryptSecret({ encrypted: bin.webhookSecretEncrypted, key: getEncryptionKey() });
  if (secret === null) {
    throw new AppError(
      "CONFLICT",
      "The bin's webhook secret cannot be read (the server's encryption key changed); set it again in Settings",
    );
  }
  const { bodyBase64 } = await readRequest();
  const body =
    bodyBase64 === undefined ? delivery.body : new Uint8Array(Buffer.from(bodyBase64, "base64"));
  if (body.length > getEnv().MAX_BODY_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The body is over ${getEnv().MAX_BODY_BYTES} bytes, more than a capture may hold`,
    );
  }
  const signedAt = now();
  const headers = await buildSignatureHeaders({
    scheme,
    headers: delivery.headers,
    body,
    secret,
    now: () => signedAt,
    randomId,
  });
  return { scheme, headers, signedAt: signedAt.toISOString() };
}
