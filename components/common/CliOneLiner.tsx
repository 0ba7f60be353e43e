import { CommandBlock } from "@/components/common/CommandBlock";
import { buildCliCommand, LOCAL_WEBHOOK_URL } from "@/components/common/build-cli-command";

type CliOneLinerProps = {
  /** Where the tarball is on the origin (lib/cli-download/get-cli-tarball-path.ts). */
  tarballPath: string;
} &
  /** The app's public origin (home page): the command creates a bin there. */
  (
    | { origin: string; viewUrl?: undefined }
    /** A bin's view URL: the command forwards it; the CLI comes from the same origin. */
    | { origin?: undefined; viewUrl: string }
  );

/**
 * The CLI for a machine that never cloned this repo: one `npx` line with this server's host,
 * copied with one click. On a bin it forwards to a local app; on the home page it creates a bin.
 */
export function CliOneLiner(props: CliOneLinerProps) {
  const { viewUrl, tarballPath } = props;
  // A view URL is <origin>/view/<id>, built on PUBLIC_BASE_URL or the request's origin.
  const origin = props.origin ?? props.viewUrl.slice(0, props.viewUrl.lastIndexOf("/view/"));
  const command = viewUrl
    ? buildCliCommand({
        origin,
        tarballPath,
        args: ["forward", viewUrl, "--to", LOCAL_WEBHOOK_URL],
      })
    : buildCliCommand({ origin, tarballPath, args: ["create", "--server", origin] });
  return (
    <CommandBlock
      label={viewUrl ? "Forward to your local app" : "From a terminal"}
      command={command}
      copyLabel="Copy the CLI command"
      copyTestId="copy-cli-one-liner"
      testId="cli-one-liner"
      commandTestId="cli-command"
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {viewUrl ? (
          "Every delivery to this bin is re-sent to your app as it arrives."
        ) : (
          <>
            Creates a bin and prints its URLs; then{" "}
            <code className="whitespace-nowrap">
              forward &lt;view URL&gt; --to &lt;local URL&gt;
            </code>{" "}
            re-sends its deliveries to your app.
          </>
        )}{" "}
        Node.js 20+, nothing to install or clone. Or download the{" "}
        <a
          href={`${origin}/cli/webhook-echo.mjs`}
          className="font-medium text-sky-800 hover:underline dark:text-sky-300"
        >
          single file
        </a>{" "}
        and run <code className="whitespace-nowrap">node webhook-echo.mjs</code>.
      </p>
    </CommandBlock>
  );
}
