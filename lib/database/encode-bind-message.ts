/** A parameter as pg's prepareValue leaves it: SQL NULL, text, or bytes. */
export type BindValue = string | Buffer | null;

export interface EncodeBindMessageOptions {
  /** The prepared statement's name ("" for the unnamed one). */
  statement: string;
  values: readonly BindValue[];
  /** Byte values this long or longer are pieces of their own, not copied. */
  separateFrom?: number;
}

/** Byte values this long or longer are written as they are (encodeBindMessage's default). */
export const SEPARATE_FROM = 64 * 1024;

/**
 * A Bind message of PostgreSQL's extended query protocol, byte for byte what pg's serializer
 * sends (unnamed portal, text parameters and bytes as binary ones, text results), as pieces to
 * write in order: each large byte value is a piece of its own, the caller's buffer itself.
 * pg's serializer copies every parameter into one message, so a 10 MiB body in flight to
 * PostgreSQL was held twice (README, "Performance", scenario 2); written as pieces to a corked
 * socket, it goes out in one writev without that copy.
 */
export function encodeBindMessage({
  statement,
  values,
  separateFrom = SEPARATE_FROM,
}: EncodeBindMessageOptions): Buffer[] {
  const count = values.length;
  const statementBytes = Buffer.byteLength(statement);
  // Length field, portal "" and the statement (NUL-terminated), format codes, values count.
  let inline = 4 + 1 + statementBytes + 1 + 2 + 2 * count + 2;
  let total = inline;
  const textBytes: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    let bytes = 0;
    if (typeof value === "string") bytes = textBytes[i] = Buffer.byteLength(value);
    else if (value !== null) bytes = value.length;
    total += 4 + bytes;
    inline += value !== null && typeof value !== "string" && bytes >= separateFrom ? 4 : 4 + bytes;
  }
  // One result format code: text.
  total += 4;
  inline += 4;

  const head = Buffer.allocUnsafe(1 + inline);
  const pieces: Buffer[] = [];
  let start = 0;
  let offset = head.writeUInt8(0x42, 0); // 'B'
  offset = head.writeInt32BE(total, offset);
  offset = head.writeUInt8(0, offset); // unnamed portal
  offset += head.write(statement, offset, "utf8");
  offset = head.writeUInt8(0, offset);
  offset = head.writeInt16BE(count, offset);
  for (const value of values) {
    offset = head.writeInt16BE(value !== null && typeof value !== "string" ? 1 : 0, offset);
  }
  offset = head.writeInt16BE(count, offset);
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value === null) {
      offset = head.writeInt32BE(-1, offset);
    } else if (typeof value === "string") {
      offset = head.writeInt32BE(textBytes[i]!, offset);
      offset += head.write(value, offset, "utf8");
    } else {
      offset = head.writeInt32BE(value.length, offset);
      if (value.length >= separateFrom) {
        pieces.push(head.subarray(start, offset), value);
        start = offset;
      } else {
        offset += value.copy(head, offset);
      }
    }
  }
  offset = head.writeInt16BE(1, offset);
  offset = head.writeInt16BE(0, offset);
  if (offset > start) pieces.push(head.subarray(start, offset));
  return pieces;
}
