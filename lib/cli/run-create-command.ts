import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";
import { describeError } from "@/lib/cli/describe-error";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";
import { createBin } from "@/lib/client/create-bin";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";

export interface RunCreateCommandOptions {
  argv: string[];
  io: CliIo;
}

const DEFAULT_SERVER = "http://localhost:3000";

const HELP = `Usage: webhook-echo create [--server URL] [--json]

Creates a bin and prints its echo URL (point the webhook sender there), its view URL (watch
it live), its id and its owner token (shown once; needed to change or delete the bin).

Options:
  --server <URL>   Webhook Echo server (default: ${DEFAULT_SERVER})
  --json           Print {"id", "echoUrl", "viewUrl", "ownerToken"} as JSON
  -h, --help       Show this help

Exit status: 0 when created, 2 for a usage error, 3 when the server cannot be reached or
refuses.

Example (CI):
  BIN=$(webhook-echo create --server "$ECHO" --json)
  ECHO_URL=$(echo "$BIN" | jq -r .echoUrl)`;

export async function runCreateCommand({ argv, io }: RunCreateCommandOptions): Promise<number> {
  const args = parseCommandArgs({
    command: "create",
    argv,
    options: { string: ["server"], boolean: ["json"] },
    help: HELP,
    io,
    positional: null,
  });
  if (!args) return 0;
  const { values } = args;
  const server = values.server ?? DEFAULT_SERVER;
  let bin;
  try {
    bin = await createBin({ server });
  } catch (error) {
    if (error instanceof WebhookEchoError) {
      throw new CliError(`create: ${error.message}`, error.code === "bad_request" ? 2 : 3);
    }
    throw new CliError(`create: cannot reach ${server}: ${describeError({ error })}`, 3);
  }
  const created = {
    id: bin.id,
    echoUrl: bin.echoUrl,
    viewUrl: bin.viewUrl,
    ownerToken: bin.ownerToken,
  };
  if (values.json) {
    io.out(JSON.stringify(created, null, 2));
  } else {
    io.out(`Echo URL:    ${created.echoUrl}`);
    io.out(`View URL:    ${created.viewUrl}`);
    io.out(`Bin id:      ${created.id}`);
    io.out(`Owner token: ${created.ownerToken}`);
  }
  return 0;
}
