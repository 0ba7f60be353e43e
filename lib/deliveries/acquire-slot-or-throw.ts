import type { ExportSlots } from "@/lib/deliveries/create-export-slots";
import { AppError } from "@/lib/errors";

/**
 * A slot for one heavy read (export, diff) for this client address, or 429 with Retry-After
 * when the address or the instance has as many running as allowed.
 */
export function acquireSlotOrThrow({
  slots,
  clientIp,
  what,
  retryAfterSeconds,
}: {
  slots: ExportSlots;
  clientIp: string;
  /** Plural noun for the message: "exports", "diffs". */
  what: string;
  retryAfterSeconds: number;
}): () => void {
  const release = slots.tryAcquire(clientIp);
  if (release) return release;
  throw new AppError(
    "RATE_LIMITED",
    `Too many ${what} running from your address or on this server; retry in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
}
