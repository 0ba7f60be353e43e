/**
 * Timing depends only on the length, never on where the first differing byte is. Lengths are
 * public (every scheme fixes them), so a length mismatch may return early.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
