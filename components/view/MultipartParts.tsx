"use client";

import { useMemo, useState } from "react";
import { downloadBytes } from "@/components/common/download-bytes";
import { BodyText } from "@/components/view/BodyText";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { RevealedText } from "@/components/view/RevealedText";
import { ShowMoreButton } from "@/components/view/ShowMoreButton";
import { formatByteSize } from "@/lib/payload/format-byte-size";
import { parseMultipart } from "@/lib/payload/parse-multipart";

// Parts rendered at first and per "Show more": 20,000 parts froze the tab for ~14 s.
const STEP = 100;

export function MultipartParts({ body, boundary }: { body: Uint8Array; boundary: string }) {
  const parsed = useMemo(() => parseMultipart({ body, boundary }), [body, boundary]);
  const [shown, setShown] = useState(STEP);
  return (
    <div className="flex flex-col gap-3">
      {!parsed.complete && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 dark:bg-amber-400/10 dark:text-amber-300">
          The closing boundary is missing: the body may have been cut off.
        </p>
      )}
      {parsed.parts.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          No parts found for this boundary.
        </p>
      )}
      {parsed.parts.slice(0, shown).map((part, index) => {
        const isFile = part.filename !== null;
        return (
          <section
            key={index}
            data-testid="multipart-part"
            aria-label={`Part ${index + 1}`}
            className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
              <span className="text-xs text-zinc-500 dark:text-zinc-400">#{index + 1}</span>
              <span className="font-mono font-semibold break-all">
                {part.name !== null ? (
                  <RevealedText text={part.name} />
                ) : (
                  <span className="text-zinc-500 italic dark:text-zinc-400">no name</span>
                )}
              </span>
              {isFile && (
                <span className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                  file: <RevealedText text={part.filename ?? ""} />
                </span>
              )}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                {part.contentType ?? "no content type"} · {formatByteSize({ bytes: part.size })}
              </span>
              {(isFile || part.text === null) && (
                <button
                  type="button"
                  onClick={() =>
                    downloadBytes({
                      bytes: part.body,
                      filename: part.filename || `${part.name || "part"}-${index + 1}.bin`,
                    })
                  }
                  className="ml-auto rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
                >
                  Download
                </button>
              )}
            </header>
            {part.headers.length > 0 && (
              <KeyValueTable
                rows={part.headers}
                testId="multipart-part-headers"
                label="Part headers"
              />
            )}
            {part.text !== null && <BodyText text={part.text} testId="multipart-part-text" />}
            {part.text === null && !isFile && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Binary content; download it to inspect.
              </p>
            )}
          </section>
        );
      })}
      <ShowMoreButton
        shown={Math.min(shown, parsed.parts.length)}
        total={parsed.parts.length}
        step={STEP}
        noun="parts"
        onMore={() => setShown((count) => count + STEP)}
      />
    </div>
  );
}
