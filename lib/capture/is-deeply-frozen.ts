/**
 * Whether nothing in this object can change any more: it and every object inside it are
 * frozen. Once true it stays true (a frozen object's children cannot be replaced), so what is
 * derived from such a value can be kept by identity (toJsonText, the storage check).
 */
export function isDeeplyFrozen({ value, depth = 0 }: { value: object; depth?: number }): boolean {
  if (!Object.isFrozen(value) || depth > 8) return false;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object") {
      if (!isDeeplyFrozen({ value: child, depth: depth + 1 })) return false;
    }
  }
  return true;
}
