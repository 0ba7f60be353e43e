import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the receiver got it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  /** Header pairs in arrival order and original case (values as Node reads them: Latin-1). */
  headerPairs: Array<[string, string]>;
  /** Node's view: lower-case names, repeated ones joined. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() once the body had arrived. */
  at: number;
}

export interface ReceiverAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  port: number;
  /** Every request so far, in arrival order (preflights included). */
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

/**
 * A local webhook consumer on a free loopback port that records every request exactly as it
 * arrived and answers what `answer` says (200 "ok" by default). Close it when done.
 */
export async function startWebhookReceiver({
  answer = () => ({ status: 200, body: "ok" }),
}: {
  /** Called once a request's body is in and it is recorded (`requests` includes it). */
  answer?: (request: ReceivedRequest, requests: ReceivedRequest[]) => ReceiverAnswer;
} = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headerPairs: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        headerPairs.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      }
      const request: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headerPairs,
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      };
      requests.push(request);
      const { status, headers = {}, body } = answer(request, requests);
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
