import http from "node:http";
import https from "node:https";

export interface RawRequest {
  method: string;
  /** Protocol, host and port, e.g. "http://127.0.0.1:5000". */
  origin: string;
  /** Raw request target (path and query), sent as is. */
  path: string;
  /** Sent in this order with this case, duplicates included; must contain Host. */
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  /** As received: name, value, name, value… in order, case and repeats kept. */
  rawHeaders?: string[];
  body: Buffer;
}

export interface SendRawRequestOptions {
  request: RawRequest;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Thrown for a request that got no answer in time; `code` reads like the socket errors. */
class TimeoutError extends Error {
  readonly code = "ETIMEDOUT";
}

/**
 * One HTTP request through node:http(s), not fetch: fetch would lowercase, merge and reorder
 * headers, while a forward must keep them exactly as captured.
 */
export function sendRawRequest({
  request,
  timeoutMs,
  signal,
}: SendRawRequestOptions): Promise<RawResponse> {
  const url = new URL(request.origin);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || undefined,
      method: request.method,
      path: request.path,
      // An array keeps order, case and duplicates; Node then adds only Connection.
      headers: request.headers.flatMap(([name, value]) => [name, value]),
      setHost: false,
      // A fresh connection per request: nothing pooled keeps the CLI alive or leaks between
      // deliveries.
      agent: false,
      signal,
    });
    const timer = setTimeout(
      () => req.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks),
        });
      });
    });
    req.end(request.body.length > 0 ? request.body : undefined);
  });
}
