"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { useModalDialog } from "@/components/common/use-modal-dialog";

// The charts (visx) load only when someone opens the overview, never with the view itself.
const BinOverview = dynamic(
  () => import("@/components/view/BinOverview").then((module) => module.BinOverview),
  {
    ssr: false,
    loading: () => (
      <div
        aria-busy="true"
        className="h-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900"
      />
    ),
  },
);

/** "Overview" in the view's header: the bin's health at a glance in a side sheet. */
export function OverviewButton({ binId }: { binId: string }) {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  return (
    <>
      <button
        type="button"
        data-testid="open-overview"
        onClick={() => setOpen(true)}
        className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        Overview
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="bin-overview-title"
        onClose={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
        }}
        onClick={(event) => {
          // A click on the backdrop (the dialog box itself, outside the panel) closes it.
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className="m-0 ml-auto h-dvh max-h-none w-[min(48rem,100vw)] max-w-none border-l border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/30 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {open && (
          <div className="flex h-full flex-col">
            <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
              <h2 id="bin-overview-title" className="text-base font-semibold">
                Overview
              </h2>
              <button
                type="button"
                data-testid="overview-close"
                onClick={() => setOpen(false)}
                className="rounded-md px-2 py-1 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                Close
              </button>
            </div>
            <div className="relative flex-1 overflow-y-auto overscroll-contain px-5 py-5">
              <BinOverview binId={binId} />
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
