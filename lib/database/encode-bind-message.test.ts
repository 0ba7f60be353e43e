import { randomBytes } from "node:crypto";
import { serialize } from "pg-protocol";
import { describe, expect, it } from "vitest";
import { encodeBindMessage, type BindValue } from "@/lib/database/encode-bind-message";

// pg's own serializer is the reference: the pieces, joined, must be the message it would send.
function pgBind(statement: string, values: BindValue[]): Buffer {
  return serialize.bind({ statement, values });
}

describe("encodeBindMessage", () => {
  it("is pg's Bind message byte for byte: text, NULL, empty and non-ASCII text, small bytes", () => {
    const values: BindValue[] = [
      "0190d9c8-0000-7000-8000-000000000000",
      null,
      "",
      "prénom 🦊 \u00e9",
      Buffer.from([0, 1, 2, 255]),
      Buffer.alloc(0),
      "42",
      '{"a":[1,2,3]}',
    ];
    const pieces = encodeBindMessage({ statement: "capture_insert_3", values });
    expect(pieces).toHaveLength(1);
    expect(Buffer.concat(pieces)).toEqual(pgBind("capture_insert_3", values));
  });

  it("writes large byte values as pieces of their own, the caller's buffers themselves", () => {
    const big = randomBytes(200_000);
    const other = randomBytes(70_000);
    const values: BindValue[] = ["a", big, null, Buffer.from("small"), other, "z"];
    const pieces = encodeBindMessage({ statement: "s", values, separateFrom: 64 * 1024 });
    expect(pieces).toHaveLength(5);
    expect(pieces[1]).toBe(big);
    expect(pieces[3]).toBe(other);
    // equals(): toEqual compares 270 KB element by element, for about a second.
    expect(Buffer.concat(pieces).equals(pgBind("s", values))).toBe(true);
  });

  it("ends with a large value and handles the unnamed statement and no values", () => {
    const big = randomBytes(100);
    const values: BindValue[] = [big];
    const pieces = encodeBindMessage({ statement: "", values, separateFrom: 100 });
    expect(pieces[1]).toBe(big);
    expect(Buffer.concat(pieces)).toEqual(pgBind("", values));
    expect(Buffer.concat(encodeBindMessage({ statement: "", values: [] }))).toEqual(pgBind("", []));
  });

  it("counts a value's UTF-8 bytes, not its characters, in the message and value lengths", () => {
    const values: BindValue[] = ["€".repeat(1000), "ß"];
    const message = Buffer.concat(encodeBindMessage({ statement: "ünïcode", values }));
    expect(message.readInt32BE(1)).toBe(message.length - 1);
    expect(message).toEqual(pgBind("ünïcode", values));
  });
});
