import { CliError } from "@/lib/cli/cli-error";
import { parseHttpUrl } from "@/lib/cli/parse-http-url";
import { isValidBinId } from "@/lib/ids/bin-id";

export interface ForwardSource {
  binId: string;
  /** Base URL of the Webhook Echo server, without a trailing slash. */
  serverUrl: string;
}

export interface ResolveForwardSourceOptions {
  /** A view URL (/view/<id>[/<deliveryId>]), an echo URL (/echo/<id>[/...]) or a bare bin id. */
  input: string;
  /** --server: wins over the URL's own origin (e.g. to go through a proxy). */
  server: string | undefined;
  defaultServer: string;
}

const BIN_PATH = /^(.*?)\/(?:view|echo)\/([^/?#]+)(?:\/[^?#]*)?$/;

function parseServer(value: string): string {
  const url = parseHttpUrl({ value, name: "--server" });
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** Which bin to follow and on which server, from what the user pasted (else a usage error). */
export function resolveForwardSource({
  input,
  server,
  defaultServer,
}: ResolveForwardSourceOptions): ForwardSource {
  if (/^https?:\/\//i.test(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new CliError(`"${input}" is not a valid URL`, 2);
    }
    const match = BIN_PATH.exec(url.pathname);
    const binId = match?.[2] ? decodeURIComponent(match[2]) : "";
    if (!match || !isValidBinId(binId)) {
      throw new CliError(
        `"${input}" is not a Webhook Echo view or echo URL (expected .../view/<id> or .../echo/<id>)`,
        2,
      );
    }
    // Anything before /view/ is a path prefix the server is mounted under.
    return { binId, serverUrl: parseServer(server ?? `${url.origin}${match[1]}`) };
  }
  if (!isValidBinId(input)) {
    throw new CliError(
      `"${input}" is neither a view URL, an echo URL nor a bin id (1-64 of A-Z a-z 0-9 - _)`,
      2,
    );
  }
  return { binId: input, serverUrl: parseServer(server ?? defaultServer) };
}
