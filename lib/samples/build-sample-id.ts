import { createHmac } from "node:crypto";
import type { SampleIdParts } from "@/lib/samples/sample-id";

export interface BuildSampleIdOptions extends SampleIdParts {
  binId: string;
  /** Server-only key (see get-sample-id-key.ts): nobody else can mint a valid id. */
  key: Buffer;
}

/**
 * The analysis id of a sample this server generated: `sample_<c|f>_<created>_<nonce>_<mac>`.
 * The MAC binds it to the bin, so "duplicate" can tell our own samples from a planted body
 * and rebuild the exact bytes from the id alone, without reading any captured body.
 */
export function buildSampleId({
  binId,
  status,
  created,
  nonce,
  key,
}: BuildSampleIdOptions): string {
  const mac = createHmac("sha256", key)
    .update(`webhook-echo sample v1\n${binId}\n${status}\n${created}\n${nonce}`)
    .digest("hex")
    .slice(0, 32);
  return `sample_${status === "completed" ? "c" : "f"}_${created}_${nonce}_${mac}`;
}
