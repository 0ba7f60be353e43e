import { formatDuration } from "@/lib/cli/format-duration";
import type { SendResult } from "@/lib/cli/send-with-retries";

const HEADINGS = ["attempt", "schedule", "scheduled wait", "actual wait", "result"];

/** The table printed after `send --retries`, and the outcome line. */
export function formatRetrySummary({ attempts, delivered }: SendResult): string[] {
  const rows = attempts.map((attempt) => [
    String(attempt.attempt),
    attempt.scheduleSeconds === null ? "-" : formatDuration({ ms: attempt.scheduleSeconds * 1000 }),
    attempt.scheduledWaitMs === null ? "-" : formatDuration({ ms: attempt.scheduledWaitMs }),
    attempt.waitedMs === null ? "-" : formatDuration({ ms: attempt.waitedMs }),
    attempt.status === null
      ? `error: ${attempt.error ?? "unknown"}`
      : `${attempt.status}${attempt.statusText ? ` ${attempt.statusText}` : ""}`,
  ]);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]!.length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join("  ");
  const retries = attempts.length - 1;
  const outcome = delivered
    ? `delivered on attempt ${attempts.length}`
    : `gave up after ${retries} ${retries === 1 ? "retry" : "retries"}`;
  return [render(HEADINGS), ...rows.map(render), outcome];
}
