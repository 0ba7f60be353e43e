interface StatusCodeProps {
  status: number | null | undefined;
  testId?: string;
  /** Text before the code, e.g. "→" in rows. */
  prefix?: string;
}

/** An HTTP status coloured by class: 2xx green, 3xx sky, 4xx amber, 5xx red. */
export function StatusCode({ status, testId, prefix }: StatusCodeProps) {
  if (status === null || status === undefined) return null;
  const style =
    status >= 500
      ? "text-rose-700 dark:text-rose-400"
      : status >= 400
        ? "text-amber-700 dark:text-amber-400"
        : status >= 300
          ? "text-sky-700 dark:text-sky-400"
          : "text-emerald-700 dark:text-emerald-400";
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`font-mono text-[11px] font-semibold whitespace-nowrap tabular-nums ${style}`}
    >
      {prefix}
      {status}
    </span>
  );
}
