"use client";

import type { ReactNode } from "react";
import { useModalDialog } from "@/components/common/use-modal-dialog";

export interface SideSheetProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The heading's id (the dialog's accessible name). */
  titleId: string;
  /** On the panel inside the dialog (rendered only while open). */
  testId?: string;
  closeTestId: string;
  /** The sheet's width class, e.g. `w-[min(32rem,100vw)]`. */
  width: string;
  /** The class of the scrolling body below the title bar. */
  bodyClassName: string;
  children: ReactNode;
}

/**
 * A modal side sheet on the right: a title bar with Close, then a scrolling body (mounted only
 * while open). Escape, Close and a click on the backdrop all close it.
 */
export function SideSheet({
  open,
  onClose,
  title,
  titleId,
  testId,
  closeTestId,
  width,
  bodyClassName,
  children,
}: SideSheetProps) {
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={(event) => {
        // React passes a nested dialog's close event up the tree: only ours counts.
        if (event.target === event.currentTarget) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog box itself, outside the panel) closes the sheet.
        if (event.target === event.currentTarget) onClose();
      }}
      className={`m-0 ml-auto h-dvh max-h-none ${width} max-w-none border-l border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/30 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100`}
    >
      {open && (
        <div data-testid={testId} className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button
              type="button"
              data-testid={closeTestId}
              onClick={onClose}
              className="rounded-md px-2 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Close
            </button>
          </div>
          <div className={bodyClassName}>{children}</div>
        </div>
      )}
    </dialog>
  );
}
