import { ServerResponse } from "node:http";

type WriteHead = (
  this: ServerResponse,
  statusCode: unknown,
  reason?: unknown,
  headers?: unknown,
) => ServerResponse;

/**
 * A ServerResponse class for `createServer({ ServerResponse })` whose answers say
 * `Connection: close` once `isStopping()`: a balancer's kept-alive connection then stops being
 * used for this instance. Checked when the answer starts (every answer goes through
 * writeHead, Node's implicit headers too), so answers already in flight when the stop begins
 * close their connections as well, without keeping a set of them: a long-lived Set that every
 * request's response entered and left made V8 promote ~2.5 KB per delivery to the old
 * generation and tripled the cost of each young-generation collection under capture load
 * (ARCHITECTURE.md, "Heap growth").
 */
export function createClosingServerResponse({
  isStopping,
}: {
  isStopping: () => boolean;
}): typeof ServerResponse {
  class ClosingServerResponse extends ServerResponse {}
  const writeHead = ServerResponse.prototype.writeHead as WriteHead;
  // Node's writeHead(statusCode, [reason], [headers]) tells its forms apart by type, not by
  // count, so the fixed parameters pass every form on (no rest array per answer).
  const closingWriteHead: WriteHead = function (this: ServerResponse, statusCode, reason, headers) {
    if (isStopping() && !this.headersSent) this.setHeader("Connection", "close");
    return writeHead.call(this, statusCode, reason, headers);
  };
  ClosingServerResponse.prototype.writeHead =
    closingWriteHead as unknown as ServerResponse["writeHead"];
  return ClosingServerResponse as typeof ServerResponse;
}
