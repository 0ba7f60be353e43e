import { RevealedText } from "@/components/view/RevealedText";
import { splitHighlights } from "@/lib/payload/split-highlights";

/**
 * Text with every match of `query` wrapped in <mark>: React text nodes only, never HTML.
 * Matching runs on the original text; hidden characters are revealed inside each part.
 */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  if (query === "") return <RevealedText text={text} />;
  return (
    <>
      {splitHighlights({ text, query }).map((part, index) =>
        part.match ? (
          <mark
            key={index}
            className="rounded-sm bg-yellow-200 px-px text-inherit dark:bg-yellow-500/40"
          >
            <RevealedText text={part.text} />
          </mark>
        ) : (
          <span key={index}>
            <RevealedText text={part.text} />
          </span>
        ),
      )}
    </>
  );
}
