interface BuildJsonLinesOptions {
  /** JSON-serialisable values; bodies should already be text or base64. */
  records: readonly unknown[];
}

/** JSON Lines: one compact document per line, each terminated by "\n" (including the last). */
export function buildJsonLines({ records }: BuildJsonLinesOptions): string {
  // JSON.stringify escapes "\n" inside strings, so a record can never span two lines; values
  // it cannot represent (undefined, functions) become null to keep one line per record.
  return records.map((record) => `${JSON.stringify(record) ?? "null"}\n`).join("");
}
