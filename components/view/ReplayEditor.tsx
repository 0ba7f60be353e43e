"use client";

import { buttonClass } from "@/components/common/button-class";

interface ReplayEditorProps {
  /** The editable body text; null when the captured body is not UTF-8 text (sent as captured). */
  bodyText: string | null;
  /** Shown instead of the editor when bodyText is null. */
  bodyNote: string;
  onBodyChange: (text: string) => void;
  /** Whether the body differs from the captured bytes (shows "Restore"). */
  bodyEdited: boolean;
  onRestoreBody: () => void;
  headers: ReadonlyArray<readonly [string, string]>;
  onHeadersChange: (headers: Array<[string, string]>) => void;
}

const FIELD =
  "h-8 min-w-0 rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

/** Body and header edits before a replay: change, add and remove headers, rewrite a text body. */
export function ReplayEditor({
  bodyText,
  bodyNote,
  onBodyChange,
  bodyEdited,
  onRestoreBody,
  headers,
  onHeadersChange,
}: ReplayEditorProps) {
  const update = (index: number, part: 0 | 1, value: string) =>
    onHeadersChange(
      headers.map(([name, current], i): [string, string] =>
        i !== index ? [name, current] : part === 0 ? [value, current] : [name, value],
      ),
    );
  const copy = () => headers.map(([name, value]): [string, string] => [name, value]);

  return (
    <details
      data-testid="replay-edit"
      className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800"
    >
      <summary className="cursor-pointer select-none text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Edit body and headers before sending
      </summary>
      <div className="mt-2 flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <div className="flex items-baseline justify-between gap-2">
            {/* A label only names the text area; a note about an uneditable body is plain text. */}
            {bodyText === null ? (
              <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Body</span>
            ) : (
              <label
                htmlFor="replay-body"
                className="text-xs font-medium text-zinc-600 dark:text-zinc-400"
              >
                Body to send
              </label>
            )}
            {bodyEdited && (
              <button
                type="button"
                onClick={onRestoreBody}
                className={buttonClass({ variant: "secondary" })}
              >
                Restore captured body
              </button>
            )}
          </div>
          {bodyText === null ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{bodyNote}</p>
          ) : (
            <textarea
              id="replay-body"
              data-testid="replay-body"
              rows={6}
              value={bodyText}
              spellCheck={false}
              onChange={(event) => onBodyChange(event.target.value)}
              className="min-h-24 rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
            />
          )}
        </div>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Headers to send
          </legend>
          {headers.map(([name, value], index) => (
            <div key={index} className="flex items-center gap-1.5" data-testid="replay-header-row">
              <input
                aria-label={`Header ${index + 1} name`}
                data-testid="replay-header-name"
                value={name}
                spellCheck={false}
                onChange={(event) => update(index, 0, event.target.value)}
                className={`${FIELD} w-2/5`}
              />
              <input
                aria-label={`Header ${index + 1} value${name ? ` (${name})` : ""}`}
                data-testid="replay-header-value"
                value={value}
                spellCheck={false}
                onChange={(event) => update(index, 1, event.target.value)}
                className={`${FIELD} flex-1`}
              />
              <button
                type="button"
                aria-label={`Remove header ${name || index + 1}`}
                data-testid="replay-header-remove"
                onClick={() => onHeadersChange(copy().filter((_, i) => i !== index))}
                className={buttonClass({ variant: "secondary" })}
              >
                ×
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              data-testid="replay-header-add"
              onClick={() => onHeadersChange([...copy(), ["", ""]])}
              className={buttonClass({ variant: "secondary" })}
            >
              Add header
            </button>
          </div>
        </fieldset>
      </div>
    </details>
  );
}
