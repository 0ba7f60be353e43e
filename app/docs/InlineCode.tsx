/** Text with `backtick` spans shown as code: the only markup the document's descriptions use. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, index) =>
        index % 2 === 1 ? (
          <code
            key={index}
            className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] dark:bg-zinc-900"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
