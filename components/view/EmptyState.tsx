import { CliOneLiner } from "@/components/common/CliOneLiner";
import { CopyButton } from "@/components/common/CopyButton";
import { buildExampleCurl } from "@/components/common/example-curl";

export function EmptyState({
  echoUrl,
  viewUrl,
  cliTarballPath,
}: {
  echoUrl: string;
  viewUrl: string;
  cliTarballPath: string;
}) {
  const curl = buildExampleCurl(echoUrl);
  return (
    <div
      data-testid="empty-state"
      className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-10"
    >
      <div className="flex items-center gap-3">
        <span className="relative flex size-3">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-sky-400 opacity-75" />
          <span className="relative inline-flex size-3 rounded-full bg-sky-500" />
        </span>
        <p className="text-lg font-semibold" role="status">
          Waiting for the first delivery…
        </p>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Send any HTTP request to the echo URL above (any method, any sub-path). It shows up here the
        moment it arrives, no reload needed.
      </p>
      <div className="flex flex-col gap-1">
        <div className="flex items-center justify-between">
          <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Try it
          </span>
          <CopyButton text={curl} ariaLabel="Copy the curl command" />
        </div>
        <pre
          data-testid="curl-example"
          className="overflow-x-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere text-zinc-100 dark:bg-black"
        >
          {curl}
        </pre>
      </div>
      <CliOneLiner viewUrl={viewUrl} tarballPath={cliTarballPath} />
    </div>
  );
}
