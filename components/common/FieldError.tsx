/** The error under an input (which names it in aria-describedby); nothing while there is none. */
export function FieldError({
  id,
  testId,
  error,
  className = "",
}: {
  id: string;
  testId: string;
  error: string | null;
  className?: string;
}) {
  if (!error) return null;
  return (
    <p
      id={id}
      role="alert"
      data-testid={testId}
      className={`text-xs text-rose-700 dark:text-rose-400 ${className}`.trim()}
    >
      {error}
    </p>
  );
}
