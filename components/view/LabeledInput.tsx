const INPUT =
  "rounded-md border border-zinc-300 bg-white px-2.5 text-sm placeholder:text-zinc-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:bg-zinc-900";

export interface LabeledInputProps {
  label: string;
  hint?: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Digits only: a numeric keypad on phones. */
  numeric?: boolean;
  /** A monospace text area of this many rows instead of one line. */
  rows?: number;
}

/** One settings input with its label above and an optional hint (a range, a default). */
export function LabeledInput({
  label,
  hint,
  testId,
  value,
  onChange,
  placeholder,
  numeric = false,
  rows,
}: LabeledInputProps) {
  return (
    <label className="flex min-w-0 flex-col gap-1">
      <span className="flex items-baseline justify-between gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
        {hint && <span className="font-normal text-zinc-500 dark:text-zinc-400">{hint}</span>}
      </span>
      {rows ? (
        <textarea
          data-testid={testId}
          rows={rows}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          className={`${INPUT} min-h-16 py-1.5 font-mono`}
        />
      ) : (
        <input
          data-testid={testId}
          inputMode={numeric ? "numeric" : undefined}
          value={value}
          placeholder={placeholder}
          onChange={(event) => onChange(event.target.value)}
          className={`${INPUT} h-8 min-w-0`}
        />
      )}
    </label>
  );
}
