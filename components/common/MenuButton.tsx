"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

interface MenuButtonProps {
  /** Visible content of the toggle button. */
  label: ReactNode;
  ariaLabel?: string;
  testId?: string;
  align?: "left" | "right";
  /** Square-cornered on one side when glued to another button (split button). */
  joined?: "left" | "none";
  /** Menu items; call close() after an item acts. */
  children: (close: () => void) => ReactNode;
}

/** A small popover menu: opens on click, closes on Escape, outside clicks and item actions. */
export function MenuButton({
  label,
  ariaLabel,
  testId,
  align = "left",
  joined = "none",
  children,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const corners = joined === "left" ? "rounded-r-md border-l-0" : "rounded-md";
  return (
    <div ref={root} className="relative inline-flex">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        data-testid={testId}
        onClick={() => setOpen((value) => !value)}
        className={`inline-flex items-center gap-1 border border-zinc-300 px-2 py-1 text-xs font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 ${corners}`}
      >
        {label}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          className={`absolute top-full z-30 mt-1 flex min-w-56 flex-col rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${align === "right" ? "right-0" : "left-0"}`}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
