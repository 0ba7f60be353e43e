const METHOD_CLASSES: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  PUT: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300",
  DELETE: "bg-rose-100 text-rose-800 dark:bg-rose-500/15 dark:text-rose-300",
  HEAD: "bg-teal-100 text-teal-800 dark:bg-teal-500/15 dark:text-teal-300",
  OPTIONS: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-500/15 dark:text-fuchsia-300",
};
const OTHER = "bg-zinc-200 text-zinc-800 dark:bg-zinc-700/50 dark:text-zinc-200";

/** The HTTP method as a coloured pill; any captured token is shown as text. */
export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block w-16 shrink-0 truncate rounded px-1.5 py-0.5 text-center font-mono text-[11px] font-bold tracking-wide ${METHOD_CLASSES[method] ?? OTHER}`}
      title={method}
    >
      {method}
    </span>
  );
}
