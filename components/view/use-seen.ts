import { useEffect, useState } from "react";

/**
 * Whether the element has been on screen at least once (then it stays true), so work for a
 * row, such as a request, starts only for rows someone can see. Attach the returned callback
 * as the element's ref (a callback, so an element that appears later is observed too).
 */
export function useSeen<T extends Element>(): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, seen]);
  return [setElement, seen];
}
