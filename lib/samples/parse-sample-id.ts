import { timingSafeEqual } from "node:crypto";
import { buildSampleId } from "@/lib/samples/build-sample-id";
import type { SampleIdParts } from "@/lib/samples/sample-id";

const SHAPE = /^sample_([cf])_(\d{1,12})_([0-9a-f]{16})_[0-9a-f]{32}$/;

/** The parts of a sample id this server minted for this bin, or null for anything else. */
export function parseSampleId({
  id,
  binId,
  key,
}: {
  id: string;
  binId: string;
  key: Buffer;
}): SampleIdParts | null {
  const match = SHAPE.exec(id);
  if (!match) return null;
  const parts: SampleIdParts = {
    status: match[1] === "c" ? "completed" : "failed",
    created: Number(match[2]),
    nonce: match[3]!,
  };
  const expected = Buffer.from(buildSampleId({ binId, key, ...parts }));
  const presented = Buffer.from(id);
  return expected.length === presented.length && timingSafeEqual(expected, presented)
    ? parts
    : null;
}
