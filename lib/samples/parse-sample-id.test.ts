import { describe, expect, it } from "vitest";
import { buildSampleId } from "@/lib/samples/build-sample-id";
import { parseSampleId } from "@/lib/samples/parse-sample-id";

const key = Buffer.alloc(32, 7);
const parts = { status: "failed", created: 1_740_823_200, nonce: "0123456789abcdef" } as const;

describe("sample ids", () => {
  const id = buildSampleId({ binId: "bin-a", key, ...parts });

  it("round-trips the parts of an id minted for the same bin and key", () => {
    expect(id).toMatch(/^sample_f_1740823200_0123456789abcdef_[0-9a-f]{32}$/);
    expect(parseSampleId({ id, binId: "bin-a", key })).toEqual(parts);
  });

  it.each([
    ["another bin", id, "bin-b", key],
    ["another key", id, "bin-a", Buffer.alloc(32, 8)],
    ["a changed status", id.replace("sample_f_", "sample_c_"), "bin-a", key],
    ["a changed time", id.replace("_1740823200_", "_1740823201_"), "bin-a", key],
    ["a forged mac", `${id.slice(0, -32)}${"0".repeat(32)}`, "bin-a", key],
    ["a uuid", "6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e", "bin-a", key],
    ["trailing bytes", `${id}x`, "bin-a", key],
  ] as const)("refuses %s", (_label, candidate, binId, candidateKey) => {
    expect(parseSampleId({ id: candidate, binId, key: candidateKey })).toBeNull();
  });
});
