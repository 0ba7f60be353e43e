const UNITS = ["KiB", "MiB", "GiB", "TiB"];

interface FormatByteSizeOptions {
  bytes: number;
}

/** Human-readable size for lists: "512 B", "1.5 KiB", "12 MiB" (binary units, one decimal below 10). */
export function formatByteSize({ bytes }: FormatByteSizeOptions): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "–";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = "B";
  for (const next of UNITS) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${unit}`;
}
