import { useMemo } from "react";
import { formatByteSize } from "@/lib/payload/format-byte-size";
import { formatHexDump } from "@/lib/payload/format-hex-dump";

/** `hexdump -C` style view of the first 64 KiB: offset, hex and ASCII columns. */
export function HexDump({ bytes, rawUrl }: { bytes: Uint8Array; rawUrl: string }) {
  const dump = useMemo(() => formatHexDump({ bytes }), [bytes]);
  const columns = useMemo(
    () => ({
      offsets: dump.rows.map((row) => row.offset).join("\n"),
      hex: dump.rows.map((row) => row.hex).join("\n"),
      ascii: dump.rows.map((row) => row.ascii).join("\n"),
    }),
    [dump],
  );
  return (
    <div className="flex flex-col gap-2">
      <div
        data-testid="hex-dump"
        className="flex max-h-[32rem] gap-4 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-5 dark:bg-zinc-900"
      >
        <pre aria-label="Offsets" className="text-zinc-500 select-none dark:text-zinc-400">
          {columns.offsets}
        </pre>
        <pre aria-label="Hex bytes">{columns.hex}</pre>
        <pre aria-label="ASCII" className="text-emerald-700 dark:text-emerald-400">
          {columns.ascii}
        </pre>
      </div>
      {dump.truncated && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Showing the first {formatByteSize({ bytes: dump.shownBytes })} of{" "}
          {formatByteSize({ bytes: dump.totalBytes })}.{" "}
          <a href={rawUrl} download className="text-sky-700 underline dark:text-sky-400">
            Download the raw body
          </a>{" "}
          for the rest.
        </p>
      )}
    </div>
  );
}
