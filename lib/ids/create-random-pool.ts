import { randomFillSync } from "node:crypto";

/**
 * Random bytes for ids from a pre-filled pool: one system call per 64 KiB instead of one per
 * delivery (measurable on the capture path).
 */
export function createRandomPool({ size = 64 * 1024 }: { size?: number } = {}): (
  length: number,
) => Uint8Array {
  let pool = randomFillSync(Buffer.allocUnsafe(size));
  let offset = 0;
  return (length) => {
    if (offset + length > pool.length) {
      pool = randomFillSync(Buffer.allocUnsafe(size));
      offset = 0;
    }
    // A copy: callers may modify the bytes (version bits) without touching the pool.
    const bytes = Uint8Array.prototype.slice.call(pool, offset, offset + length);
    offset += length;
    return bytes;
  };
}
