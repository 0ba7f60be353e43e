// Beyond this the text view would only slow the page down; the raw download has everything.
const MAX_TEXT_CHARS = 512 * 1024;

/** A body (or part) as literal text, wrapped, never interpreted. */
export function BodyText({ text, testId = "body-text" }: { text: string; testId?: string }) {
  const shown = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  return (
    <div className="flex flex-col gap-1">
      <pre
        data-testid={testId}
        className="max-h-[32rem] overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-[13px] leading-5 break-words whitespace-pre-wrap dark:bg-zinc-900"
      >
        {shown}
      </pre>
      {shown.length < text.length && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Showing the first {MAX_TEXT_CHARS.toLocaleString()} of {text.length.toLocaleString()}{" "}
          characters; download the raw body for the rest.
        </p>
      )}
    </div>
  );
}
