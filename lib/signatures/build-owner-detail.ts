import type { OwnerDetail } from "@/lib/signatures/signature-result";

// Hostile senders can send megabyte header values; the owner only needs enough to compare.
const MAX_RECEIVED_CHARS = 1024;

export function buildOwnerDetail({ header, received, expected }: OwnerDetail): OwnerDetail {
  const shown =
    received.length > MAX_RECEIVED_CHARS
      ? `${received.slice(0, MAX_RECEIVED_CHARS)}… (${received.length - MAX_RECEIVED_CHARS} more chars)`
      : received;
  return { header, received: shown, expected };
}
