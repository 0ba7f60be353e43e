"use client";

import { useId } from "react";
import { buttonClass } from "@/components/common/button-class";
import { CliOneLiner } from "@/components/common/CliOneLiner";
import type { BinLinks } from "@/components/view/bin-links";

/**
 * "CLI" in the view's header: the forward one-liner for this bin, also once deliveries hide the
 * empty state. A native popover: Escape and outside clicks close it, no positioning code.
 */
export function CliPopover({ links }: { links: BinLinks }) {
  const id = useId();
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        data-testid="open-cli"
        className={buttonClass({ size: "sm" })}
      >
        CLI
      </button>
      <div
        id={id}
        popover="auto"
        data-testid="cli-popover"
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/20 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <CliOneLiner viewUrl={links.viewUrl} tarballPath={links.cliTarballPath} />
      </div>
    </>
  );
}
