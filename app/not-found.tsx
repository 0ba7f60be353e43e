import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-20">
      <p className="text-sm font-semibold text-sky-600 dark:text-sky-400">404</p>
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        There is nothing at this address. Captured requests live under a bin’s view page.
      </p>
      <Link
        href="/"
        className="self-start rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        Go to Webhook Echo
      </Link>
    </main>
  );
}
