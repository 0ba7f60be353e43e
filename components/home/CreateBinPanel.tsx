"use client";

import { apiUrl } from "@/components/common/api-url";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { recordRecentBin } from "@/components/common/recent-bins";
import { binCreatedSchema, type BinCreated } from "@/lib/bins/create-bin.types";

type CreateState =
  { status: "idle" } | { status: "creating" } | { status: "error"; message: string };

function isCreatedBin(value: unknown): value is BinCreated {
  return binCreatedSchema.safeParse(value).success;
}

/** "Create echo URL": makes a bin and goes straight to its view, which shows the URL to copy. */
export function CreateBinPanel() {
  const router = useRouter();
  const [state, setState] = useState<CreateState>({ status: "idle" });

  const create = async () => {
    setState({ status: "creating" });
    try {
      // same-origin credentials so the owner cookie of the new bin is stored.
      const response = await fetch(apiUrl.bins(), { method: "POST", credentials: "same-origin" });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok || !isCreatedBin(body)) {
        throw new Error(`The server answered ${response.status}.`);
      }
      recordRecentBin(body.id);
      // Stays "Creating…" until the view has loaded.
      router.push(`/view/${encodeURIComponent(body.id)}`);
    } catch (error) {
      setState({
        status: "error",
        message: error instanceof Error ? error.message : "Something went wrong.",
      });
    }
  };

  return (
    <section
      aria-labelledby="create-heading"
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h2 id="create-heading" className="text-lg font-semibold">
            New echo URL
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Point your webhook sender at it; every request is kept exactly as sent.
          </p>
        </div>
        <button
          type="button"
          data-testid="create-bin"
          onClick={create}
          disabled={state.status === "creating"}
          className="rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60"
        >
          {state.status === "creating" ? "Creating…" : "Create echo URL"}
        </button>
      </div>

      {state.status === "error" && (
        <p role="alert" className="mt-4 text-sm text-rose-700 dark:text-rose-400">
          Could not create an echo URL. {state.message}
        </p>
      )}
    </section>
  );
}
