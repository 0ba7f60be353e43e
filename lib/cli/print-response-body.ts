import type { CliIo } from "@/lib/cli/cli-io";
import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";

// Printing a megabyte answer helps nobody; the status says what happened.
const MAX_PRINTED_BODY_BYTES = 4096;

/** An answer's body on stdout as text, cut at 4 KiB with the full size noted. */
export function printResponseBody({ io, body }: { io: CliIo; body: Uint8Array }): void {
  if (body.length === 0) return;
  const shown = createUtf8Decoder({ lenient: true }).decode(
    body.subarray(0, MAX_PRINTED_BODY_BYTES),
  );
  io.out(body.length > MAX_PRINTED_BODY_BYTES ? `${shown}… (${body.length} bytes)` : shown);
}
