"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { RelativeTime } from "@/components/common/RelativeTime";
import {
  getRecentBins,
  getServerRecentBins,
  subscribeRecentBins,
} from "@/components/common/recent-bins";

export function RecentBins() {
  const bins = useSyncExternalStore(subscribeRecentBins, getRecentBins, getServerRecentBins);
  return (
    <section aria-labelledby="recent-heading" className="flex flex-col gap-2">
      <h2 id="recent-heading" className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">
        Recent bins in this browser
      </h2>
      <ul
        data-testid="recent-bins"
        className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      >
        {bins.length === 0 && (
          <li className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">
            None yet. Bins you create or open appear here.
          </li>
        )}
        {bins.map((bin) => (
          <li key={bin.id}>
            <Link
              href={`/view/${encodeURIComponent(bin.id)}`}
              className="flex items-center justify-between gap-4 px-4 py-2.5 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-900"
            >
              <code className="truncate">{bin.id}</code>
              <RelativeTime
                iso={bin.at}
                className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400"
              />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
