import type { ReactNode } from "react";

interface ChartFigureProps {
  title: string;
  testId: string;
  /** A line under the title (totals, what the chart compares). */
  note?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The frame every overview chart sits in: a titled figure (relative, for its sr-only table). */
export function ChartFigure({ title, testId, note, children, className = "" }: ChartFigureProps) {
  return (
    <figure
      data-testid={testId}
      className={`relative flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 ${className}`}
    >
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-semibold">{title}</span>
        {note && <span className="text-xs text-zinc-600 dark:text-zinc-400">{note}</span>}
      </figcaption>
      {children}
    </figure>
  );
}
