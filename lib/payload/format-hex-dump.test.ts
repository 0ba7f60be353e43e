import { describe, expect, it } from "vitest";

import { formatHexDump } from "@/lib/payload/format-hex-dump";

const range = (length: number) => Uint8Array.from({ length }, (_, index) => index % 256);

describe("formatHexDump", () => {
  it("formats full rows like hexdump -C", () => {
    const dump = formatHexDump({ bytes: range(32) });
    expect(dump.rows).toEqual([
      {
        offset: "00000000",
        hex: "00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f",
        ascii: "................",
      },
      {
        offset: "00000010",
        hex: "10 11 12 13 14 15 16 17  18 19 1a 1b 1c 1d 1e 1f",
        ascii: "................",
      },
    ]);
    expect(dump).toMatchObject({ truncated: false, shownBytes: 32, totalBytes: 32 });
  });

  it("shows printable ASCII and dots for everything else", () => {
    const bytes = new Uint8Array([0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0xff, 0x0a]);
    expect(formatHexDump({ bytes }).rows[0]?.ascii).toBe(". A~....");
  });

  it("pads a short last row to full width so columns line up", () => {
    const dump = formatHexDump({ bytes: new TextEncoder().encode("Hello, hex dump!!!") });
    expect(dump.rows[1]).toEqual({ offset: "00000010", hex: "21 21".padEnd(48), ascii: "!!" });
    expect(dump.rows.every((row) => row.hex.length === 48)).toBe(true);
    const nine = formatHexDump({ bytes: range(9) }).rows[0];
    expect(nine?.hex.trimEnd()).toBe("00 01 02 03 04 05 06 07  08");
  });

  it("returns no rows for an empty body", () => {
    expect(formatHexDump({ bytes: new Uint8Array() })).toEqual({
      rows: [],
      truncated: false,
      shownBytes: 0,
      totalBytes: 0,
    });
  });

  it("truncates at the default limit of 64 KiB", () => {
    const dump = formatHexDump({ bytes: range(70_000) });
    expect(dump).toMatchObject({ truncated: true, shownBytes: 65_536, totalBytes: 70_000 });
    expect(dump.rows).toHaveLength(4096);
    expect(dump.rows.at(-1)?.offset).toBe("0000fff0");
  });

  it("honours a custom limit, including one that splits a row", () => {
    const dump = formatHexDump({ bytes: range(100), limit: 20 });
    expect(dump).toMatchObject({ truncated: true, shownBytes: 20, totalBytes: 100 });
    expect(dump.rows[1]?.hex.trimEnd()).toBe("10 11 12 13");
    expect(formatHexDump({ bytes: range(10), limit: 10 }).truncated).toBe(false);
  });

  it.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [3.7, 3],
    [Number.POSITIVE_INFINITY, 40],
  ])("treats limit %s as %s bytes", (limit, shown) => {
    expect(formatHexDump({ bytes: range(40), limit }).shownBytes).toBe(shown);
  });
});
