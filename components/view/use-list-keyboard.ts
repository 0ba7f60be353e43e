import { useEffect, useEffectEvent } from "react";
import type { ListedDelivery } from "@/components/view/listed-delivery";

interface UseListKeyboardOptions {
  deliveries: ListedDelivery[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** j/k and the arrow keys move the selection through the list, except while typing or in a modal. */
export function useListKeyboard({ deliveries, selectedId, onSelect }: UseListKeyboardOptions) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (
      target &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
    ) {
      return;
    }
    // Nothing moves behind a modal (settings sheet, confirm step).
    if (document.querySelector("dialog[open]")) return;
    const step =
      event.key === "ArrowDown" || event.key === "j"
        ? 1
        : event.key === "ArrowUp" || event.key === "k"
          ? -1
          : 0;
    if (step === 0 || deliveries.length === 0) return;
    event.preventDefault();
    const index = deliveries.findIndex((delivery) => delivery.id === selectedId);
    const nextIndex = index === -1 ? 0 : Math.min(deliveries.length - 1, Math.max(0, index + step));
    const next = deliveries[nextIndex];
    if (next && next.id !== selectedId) onSelect(next.id);
  });

  useEffect(() => {
    const handler = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);
}
