import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";
import { runCreateCommand } from "@/lib/cli/run-create-command";
import { runForwardCommand } from "@/lib/cli/run-forward-command";
import { runReplayCommand } from "@/lib/cli/run-replay-command";
import { runSendCommand } from "@/lib/cli/run-send-command";
import { runWaitCommand } from "@/lib/cli/run-wait-command";

export interface RunCliOptions {
  /** Arguments after the program name. */
  argv: string[];
  io: CliIo;
  /** Aborted on Ctrl-C: long-running commands stop cleanly. */
  signal: AbortSignal;
  env: Record<string, string | undefined>;
}

const HELP = `Usage: webhook-echo <command> [options]

Commands:
  create    Create a bin and print its echo URL, view URL and owner token
  wait      Wait for the next delivery matching filters and print it (CI assertions)
  forward   Re-send a bin's deliveries to a local URL as they arrive (--respond: the local app answers the senders)
  replay    Re-send one delivery to a URL, optionally edited and re-signed with the bin's secret
  send      Post a signed CallCov analysis webhook to a URL, optionally with CallCov's retries

Run webhook-echo <command> --help for a command's options.`;

/**
 * The `webhook-echo` CLI: returns the exit code (0 ok, 1 failed, 2 usage error, 3 the Webhook
 * Echo server unreachable or refusing: see CliError).
 */
export async function runCli({ argv, io, signal, env }: RunCliOptions): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "-h":
      case "--help":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      case "forward":
        return await runForwardCommand({ argv: rest, io, signal, env });
      case "replay":
        return await runReplayCommand({ argv: rest, io, signal });
      case "send":
        return await runSendCommand({ argv: rest, io, signal, env });
      case "create":
        return await runCreateCommand({ argv: rest, io });
      case "wait":
        return await runWaitCommand({ argv: rest, io, signal });
      default:
        throw new CliError(
          `unknown ${command.startsWith("-") ? "option" : "command"} "${command}" (commands: create, wait, forward, replay, send; see webhook-echo --help)`,
          2,
        );
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`webhook-echo: ${error.message}`);
      return error.exitCode;
    }
    io.err(
      `webhook-echo: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}
