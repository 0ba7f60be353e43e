import { CopyButton } from "@/components/common/CopyButton";
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
    <div data-testid="cli-one-liner" className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {viewUrl ? "Forward to your local app" : "From a terminal"}
        </span>
        <CopyButton text={command} ariaLabel="Copy the CLI command" testId="copy-cli-one-liner" />
      </div>
      <pre
        data-testid="cli-command"
        className="overflow-x-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed whitespace-pre-wrap wrap-anywhere text-zinc-100 dark:bg-black"
      >
        {command}
      </pre>
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
    </div>
  );
}
