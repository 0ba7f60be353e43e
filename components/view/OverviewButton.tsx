"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { SideSheet } from "@/components/common/SideSheet";

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
      <SideSheet
        open={open}
        onClose={() => setOpen(false)}
        title="Overview"
        titleId="bin-overview-title"
        closeTestId="overview-close"
        width="w-[min(48rem,100vw)]"
        bodyClassName="relative flex-1 overflow-y-auto overscroll-contain px-5 py-5"
      >
        <BinOverview binId={binId} />
      </SideSheet>
    </>
  );
}
