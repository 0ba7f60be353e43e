import type { IncomingMessage, ServerResponse } from "node:http";
import fresh from "fresh";
import { readCliDownload } from "@/lib/cli-download/read-cli-download";
import type { ErrorResponse } from "@/lib/http/error-response-schema";
import { SANDBOX_HEADERS } from "@/lib/http/sandbox-headers";

const FILES = {
  "webhook-echo.mjs": { contentType: "text/javascript; charset=utf-8", disposition: "inline" },
  "webhook-echo.tgz": { contentType: "application/gzip", disposition: "attachment" },
} as const;

export interface ServeCliDownloadOptions {
  req: IncomingMessage;
  res: ServerResponse;
}

function sendError(res: ServerResponse, status: number, message: string, extra = {}): void {
  const error: ErrorResponse = {
    error: status === 405 ? "method_not_allowed" : "not_found",
    message,
  };
  const body = JSON.stringify(error);
  res.writeHead(status, {
    ...SANDBOX_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    ...extra,
  });
  res.end(body);
}

/**
 * GET/HEAD /cli/webhook-echo.mjs and /cli/webhook-echo.tgz: the CLI for machines without this
 * repo, from the build output (scripts/build-cli.mjs). Served by server.ts, not a Next route:
 * Next drops a route's Content-Length (it streams chunked), and npm and curl users want the size.
 * One static file per build: "no-cache" + a strong ETag makes browsers, curl and npm's HTTP
 * cache revalidate (a 304 costs nothing). npx also keeps a whole install per URL, hence the
 * tagged /cli/<tag>/<name> that the one-liners use (getCliTarballPath).
 */
export async function serveCliDownload({ req, res }: ServeCliDownloadOptions): Promise<void> {
  // /cli/<name> or /cli/<tag>/<name> (getCliTarballPath: the tag only makes the URL new).
  const match = /^\/cli\/(?:[A-Za-z0-9_-]{1,64}\/)?([^/]*)$/.exec(
    (req.url ?? "").replace(/[?#].*$/s, ""),
  );
  const name = match?.[1] ?? "";
  // Only the listed names reach the file system (no path tricks through the segment).
  const file = Object.hasOwn(FILES, name) ? FILES[name as keyof typeof FILES] : null;
  if (!file) {
    sendError(
      res,
      404,
      "No such file (the CLI is at /cli/webhook-echo.mjs and /cli/webhook-echo.tgz)",
    );
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendError(res, 405, "Only GET and HEAD", { Allow: "GET, HEAD" });
    return;
  }
  const download = await readCliDownload({ fileName: name });
  if (!download) {
    sendError(res, 404, `${name} is not built on this server (npm run build)`);
    return;
  }
  const validators = { ETag: download.etag, "Cache-Control": "public, no-cache" };
  if (fresh(req.headers, { etag: download.etag })) {
    res.writeHead(304, { ...SANDBOX_HEADERS, ...validators });
    res.end();
    return;
  }
  res.writeHead(200, {
    ...SANDBOX_HEADERS,
    ...validators,
    "Content-Type": file.contentType,
    "Content-Length": String(download.body.length),
    "Content-Disposition": `${file.disposition}; filename="${name}"`,
  });
  // HEAD: the same headers (size and validator included), no bytes.
  res.end(req.method === "HEAD" ? undefined : download.body);
}
