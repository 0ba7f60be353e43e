import type { ReactNode } from "react";

export interface ChartFigureProps {
  title: string;
  testId: string;
  /** A line beside the title (totals, what the chart compares). */
  note?: ReactNode;
  className?: string;
  /** The drawing's size in viewBox units (it scales to the figure's width). */
  width: number;
  height: number;
  /** The drawing's text alternative: every number it shows. */
  label: string;
  /** Muted text colour for axes, or the default for labels. */
  tone?: "muted" | "default";
  /** The SVG content. */
  children: ReactNode;
  /** The numbers as a table for screen readers (StatsTable). */
  table?: ReactNode;
}

/**
 * The frame of every overview chart: a titled figure holding one labelled SVG image (colours
 * from `currentColor` and Tailwind fill classes, so dark mode follows) and its sr-only table;
 * the figure is `relative` so that table stays inside it.
 */
export function ChartFigure({
  title,
  testId,
  note,
  className = "",
  width,
  height,
  label,
  tone = "default",
  children,
  table,
}: ChartFigureProps) {
  return (
    <figure
      data-testid={testId}
      className={`relative flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 ${className}`}
    >
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-semibold">{title}</span>
        {note && <span className="text-xs text-zinc-600 dark:text-zinc-400">{note}</span>}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        className={`w-full ${tone === "muted" ? "text-zinc-600 dark:text-zinc-400" : "text-zinc-700 dark:text-zinc-300"}`}
      >
        {children}
      </svg>
      {table}
    </figure>
  );
}
