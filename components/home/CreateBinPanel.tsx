"use client";

import { apiUrl } from "@/components/common/api-url";
import Link from "next/link";
import { useState } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { UrlField } from "@/components/common/UrlField";
import { buildExampleCurl } from "@/components/common/example-curl";
import { recordRecentBin } from "@/components/common/recent-bins";
import { binCreatedSchema, type BinCreated } from "@/lib/bins/create-bin.types";

type CreatedBin = Pick<BinCreated, "id" | "echoUrl" | "viewUrl">;

type CreateState =
  | { status: "idle" }
  | { status: "creating" }
  | { status: "error"; message: string }
  | { status: "created"; bin: CreatedBin };

function isCreatedBin(value: unknown): value is BinCreated {
  return binCreatedSchema.safeParse(value).success;
}

export function CreateBinPanel() {
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
      setState({ status: "created", bin: body });
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
          className="rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60"
        >
          {state.status === "creating"
            ? "Creating…"
            : state.status === "created"
              ? "Create another"
              : "Create echo URL"}
        </button>
      </div>

      {state.status === "error" && (
        <p role="alert" className="mt-4 text-sm text-rose-600 dark:text-rose-400">
          Could not create an echo URL. {state.message}
        </p>
      )}

      {state.status === "created" && (
        <div className="mt-6 flex flex-col gap-4" aria-live="polite">
          <UrlField label="Echo URL" url={state.bin.echoUrl} testId="echo-url" />
          <UrlField label="View URL" url={state.bin.viewUrl} testId="view-url" />
          <div className="flex flex-col gap-1">
            <div className="flex items-center justify-between">
              <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                Send a test delivery
              </span>
              <CopyButton
                text={buildExampleCurl(state.bin.echoUrl)}
                ariaLabel="Copy the curl command"
              />
            </div>
            <pre
              data-testid="curl-example"
              className="overflow-x-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere text-zinc-100 dark:bg-black"
            >
              {buildExampleCurl(state.bin.echoUrl)}
            </pre>
          </div>
          <div>
            <Link
              href={`/view/${encodeURIComponent(state.bin.id)}`}
              data-testid="open-view"
              className="inline-flex items-center gap-1 rounded-lg bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              Open the live view →
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}
