export interface HexDumpRow {
  /** Offset of the row's first byte, 8 lower-case hex digits. */
  offset: string;
  /** "00 01 … 07  08 … 0f": 8+8 bytes with a double space; short rows are padded to full width. */
  hex: string;
  /** Printable ASCII (0x20-0x7e) as itself, everything else as ".". */
  ascii: string;
}

export interface HexDump {
  rows: HexDumpRow[];
  truncated: boolean;
  shownBytes: number;
  totalBytes: number;
}

interface FormatHexDumpOptions {
  bytes: Uint8Array;
  /** Maximum bytes to render; bounded by default so a huge upload cannot freeze the page. */
  limit?: number;
}

const BYTES_PER_ROW = 16;
const HEX_WIDTH = BYTES_PER_ROW * 3;
const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** Classic `hexdump -C` layout, split into columns so the UI can style each one. */
export function formatHexDump({ bytes, limit = 65536 }: FormatHexDumpOptions): HexDump {
  const safeLimit = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  const shownBytes = Math.min(bytes.length, safeLimit);
  const rows: HexDumpRow[] = [];
  for (let rowStart = 0; rowStart < shownBytes; rowStart += BYTES_PER_ROW) {
    const row = bytes.subarray(rowStart, Math.min(rowStart + BYTES_PER_ROW, shownBytes));
    let hex = "";
    let ascii = "";
    row.forEach((byte, index) => {
      hex += (index === 8 ? "  " : index === 0 ? "" : " ") + BYTE_HEX[byte];
      ascii += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : ".";
    });
    rows.push({
      offset: rowStart.toString(16).padStart(8, "0"),
      hex: hex.padEnd(HEX_WIDTH),
      ascii,
    });
  }
  return { rows, truncated: shownBytes < bytes.length, shownBytes, totalBytes: bytes.length };
}
