import { revealHiddenCharacters } from "@/lib/text/reveal-hidden-characters";

const HIDDEN = "hidden-character";

/**
 * Captured text with every bidi control and invisible character shown as a badge naming its
 * code point (`U+202E`), so a payload cannot make one name or value look like another. The
 * wrapper isolates bidi so nothing leaks into neighbouring elements; text without hidden
 * characters renders as before. `whitespace` names look-alike whitespace too (a diff's sides).
 */
export function RevealedText({ text, whitespace = false }: { text: string; whitespace?: boolean }) {
  const parts = revealHiddenCharacters({ text, whitespace });
  if (!parts.some((part) => "hidden" in part)) return <>{text}</>;
  return (
    <span style={{ unicodeBidi: "isolate" }}>
      {parts.map((part, index) =>
        "hidden" in part ? (
          <span
            key={index}
            data-testid={HIDDEN}
            title={`invisible character ${part.hidden}`}
            className="mx-px inline-block rounded-sm border border-rose-400 px-0.5 align-baseline font-mono text-[10px] leading-none font-normal text-rose-700 not-italic dark:border-rose-500/60 dark:text-rose-300"
          >
            {part.hidden}
          </span>
        ) : (
          <span key={index} style={{ unicodeBidi: "isolate" }}>
            {part.text}
          </span>
        ),
      )}
    </span>
  );
}
