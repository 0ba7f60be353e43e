import { useId, type ReactNode } from "react";

interface LabeledCheckboxProps {
  label: ReactNode;
  /** A sentence under the box, read out with it. */
  hint?: ReactNode;
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One settings or replay option as a checkbox, its label beside it and an optional hint. */
export function LabeledCheckbox({ label, hint, testId, checked, onChange }: LabeledCheckboxProps) {
  const hintId = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          data-testid={testId}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hint ? hintId : undefined}
          className="size-4 accent-sky-600"
        />
        {label}
      </label>
      {hint && (
        <p id={hintId} className="pl-6 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}
