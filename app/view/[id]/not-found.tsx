import Link from "next/link";

export default function BinNotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-20">
      <p className="text-sm font-semibold text-sky-600 dark:text-sky-400">404</p>
      <h1 className="text-2xl font-bold">That is not a bin link</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Bin ids are 1 to 64 characters long and use only letters, digits, “-” and “_”; delivery
        links end in a delivery id. Check the link you were given, or create a new echo URL.
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
