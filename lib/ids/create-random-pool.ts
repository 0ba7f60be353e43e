import { randomFillSync } from "node:crypto";

/**
 * Random bytes for ids from a pre-filled pool: one system call per 64 KiB instead of one per
 * delivery (measurable on the capture path).
 */
export function createRandomPool({ size = 64 * 1024 }: { size?: number } = {}): (
  length: number,
) => Uint8Array {
  // A plain Uint8Array, not a Buffer: its slice takes V8's fast path (a Buffer's looks up its
  // species constructor every call).
  let pool = randomFillSync(new Uint8Array(size));
  let offset = 0;
  return (length) => {
    if (offset + length > pool.length) {
      pool = randomFillSync(new Uint8Array(size));
      offset = 0;
    }
    // A copy: callers may modify the bytes (version bits) without touching the pool.
    const bytes = pool.slice(offset, offset + length);
    offset += length;
    return bytes;
  };
}
