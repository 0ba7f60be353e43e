import { CliOneLiner } from "@/components/common/CliOneLiner";
import { CommandBlock } from "@/components/common/CommandBlock";
import { buildExampleCurl } from "@/components/common/example-curl";
import type { BinLinks } from "@/components/view/bin-links";

export function EmptyState({ links }: { links: BinLinks }) {
  const curl = buildExampleCurl(links.echoUrl);
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
      <CommandBlock
        label="Try it"
        command={curl}
        copyLabel="Copy the curl command"
        commandTestId="curl-example"
      />
      <CliOneLiner viewUrl={links.viewUrl} tarballPath={links.cliTarballPath} />
    </div>
  );
}
