import { createHash } from "node:crypto";

/**
 * The full hash of a bin schema's stored text (the compiled-validator cache key) and the short
 * name deliveries are labelled with ("bin@" + 12 hex digits): a changed schema has a new name,
 * so every delivery judged under the old one is judged again.
 */
export function hashJsonSchema({ text }: { text: string }): { hash: string; name: string } {
  const hash = createHash("sha256").update(text).digest("hex");
  return { hash, name: `bin@${hash.slice(0, 12)}` };
}
