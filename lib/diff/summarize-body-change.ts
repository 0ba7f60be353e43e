import type { BodyChange } from "@/lib/diff/delivery-diff-schema";

export interface BodyFingerprint {
  size: number;
  sha256: string;
}

const describe = ({ size, sha256 }: BodyFingerprint) =>
  `${size.toLocaleString("en-US")} bytes, sha256 ${sha256}`;

/** The one change that says two bodies differ, by size and SHA-256; null when they are the same. */
export function summarizeBodyChange({
  before,
  after,
}: {
  before: BodyFingerprint;
  after: BodyFingerprint;
}): BodyChange | null {
  if (before.size === after.size && before.sha256 === after.sha256) return null;
  return { path: "", op: "changed", before: describe(before), after: describe(after) };
}
