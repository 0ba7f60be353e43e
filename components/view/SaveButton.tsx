import { buttonClass } from "@/components/common/button-class";

/** A settings form's primary submit button: "Saving…" while the PUT is in flight. */
export function SaveButton({
  busy,
  testId,
  label,
  className = "",
}: {
  busy: boolean;
  testId: string;
  label: string;
  className?: string;
}) {
  return (
    <button
      type="submit"
      data-testid={testId}
      disabled={busy}
      className={`${buttonClass({ variant: "primary" })} ${className}`.trim()}
    >
      {busy ? "Saving…" : label}
    </button>
  );
}
