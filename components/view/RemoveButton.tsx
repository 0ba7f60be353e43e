import { buttonClass } from "@/components/common/button-class";

/** A settings form's "Remove": clears the setting it sits beside (SaveButton's counterpart). */
export function RemoveButton({
  busy,
  testId,
  onRemove,
}: {
  busy: boolean;
  testId: string;
  onRemove: () => void;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={busy}
      onClick={onRemove}
      className={buttonClass()}
    >
      Remove
    </button>
  );
}
