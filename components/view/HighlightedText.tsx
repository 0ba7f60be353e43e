import { splitHighlights } from "@/lib/payload/split-highlights";

/** Text with every match of `query` wrapped in <mark>: React text nodes only, never HTML. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  if (query === "") return <>{text}</>;
  return (
    <>
      {splitHighlights({ text, query }).map((part, index) =>
        part.match ? (
          <mark
            key={index}
            className="rounded-sm bg-yellow-200 px-px text-inherit dark:bg-yellow-500/40"
          >
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
