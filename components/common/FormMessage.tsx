/** The outcome line under a form: a polite status when it worked, an alert when it did not. */
export function FormMessage({
  message,
  testId,
}: {
  message: { error: boolean; text: string } | null;
  testId: string;
}) {
  if (!message) return null;
  return (
    <p
      data-testid={testId}
      role={message.error ? "alert" : "status"}
      className={`text-xs wrap-anywhere ${message.error ? "text-rose-700 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}
    >
      {message.text}
    </p>
  );
}
