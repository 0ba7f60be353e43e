import type { ReactNode } from "react";
import { CopyButton } from "@/components/common/CopyButton";

interface CommandBlockProps {
  /** What the command is for, above it ("Try it", "Run on your machine"). */
  label: string;
  command: string;
  /** The copy button's accessible name ("Copy the curl command"). */
  copyLabel: string;
  copyTestId?: string;
  /** On the block. */
  testId?: string;
  /** On the command itself. */
  commandTestId: string;
  /** Notes under the command. */
  children?: ReactNode;
}

/** A command to run, shown whole in a dark block with a copy button (curl, the CLI one-liners). */
export function CommandBlock({
  label,
  command,
  copyLabel,
  copyTestId,
  testId,
  commandTestId,
  children,
}: CommandBlockProps) {
  return (
    <div data-testid={testId} className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {label}
        </span>
        <CopyButton text={command} ariaLabel={copyLabel} testId={copyTestId} />
      </div>
      <pre
        data-testid={commandTestId}
        className="overflow-x-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere text-zinc-100 dark:bg-black"
      >
        {command}
      </pre>
      {children}
    </div>
  );
}
