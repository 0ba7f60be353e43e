/** A value the analysis does not carry: a quiet dash (not "null", not an empty gap). */
export function MissingValue() {
  return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
}
