import Link from "next/link";
import type { ReactNode } from "react";

/** A 404 page's body: what was not found, why, and the way home. */
export function NotFoundMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-20">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">404</p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{children}</p>
      <Link
        href="/"
        className="self-start rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        Go to Webhook Echo
      </Link>
    </main>
  );
}
