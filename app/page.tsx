import { headers } from "next/headers";
import Link from "next/link";
import { CliOneLiner } from "@/components/common/CliOneLiner";
import { CreateBinPanel } from "@/components/home/CreateBinPanel";
import { OpenBinForm } from "@/components/home/OpenBinForm";
import { RecentBins } from "@/components/home/RecentBins";
import { getCliTarballPath } from "@/lib/cli-download/get-cli-tarball-path";
import { getPublicOrigin } from "@/lib/http/get-public-origin";

// Rendered per request so a nonce-based Content-Security-Policy can reach Next's scripts.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  // The host this page was served from is the one the CLI one-liner downloads from.
  const origin = getPublicOrigin({ headers: new Headers(await headers()) });
  const cliTarballPath = await getCliTarballPath();
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6 sm:py-16"
    >
      <header className="flex flex-col gap-3">
        <nav aria-label="Site" className="flex justify-end text-sm">
          <Link
            href="/docs"
            data-testid="docs-link"
            className="font-medium text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300"
          >
            API docs
          </Link>
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">
          Webhook <span className="text-sky-700 dark:text-sky-400">Echo</span>
        </h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Get a URL, send webhooks to it, and watch every request arrive live: headers, body and
          bytes exactly as they were sent.
        </p>
      </header>
      <CreateBinPanel />
      <OpenBinForm />
      <section aria-label="Command line" className="px-1">
        <CliOneLiner origin={origin} tarballPath={cliTarballPath} />
      </section>
      <RecentBins />
    </main>
  );
}
