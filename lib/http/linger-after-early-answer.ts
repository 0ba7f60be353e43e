import type { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";

/** How much of an unread body is received and dropped after an early answer. */
const LINGER_MAX_BYTES = 1024 * 1024;
/** How long the connection stays open for it. */
const LINGER_MAX_MS = 2_000;

/**
 * A route may answer before the body is in (401 before reading, 413 at the limit). Closing
 * the socket right away with body bytes still arriving makes the kernel send a reset, and
 * the client often loses the answer with it; keeping the connection for a next request would
 * mean receiving the whole declared body first. So, as HTTP/1.1 servers do ("lingering
 * close"): after the answer, half-close, drop what still arrives for a bounded number of
 * bytes and time, then close. Nothing of it is kept in memory.
 */
export function lingerAfterEarlyAnswer({
  req,
  res,
}: {
  req: IncomingMessage;
  res: ServerResponse;
}): void {
  const socket = req.socket;
  // Node closes a "Connection: close" socket itself once the answer is out (destroySoon: end,
  // then destroy as soon as the FIN is flushed), which resets the connection within
  // milliseconds and made the linger below a no-op. While this request's body is still
  // arriving, only half-close; the linger decides when to destroy. Set per request: a
  // keep-alive socket serves several.
  socket.destroySoon = function destroySoon(this: Socket) {
    if (req.complete) return Socket.prototype.destroySoon.call(this);
    this.end();
  };
  res.once("finish", () => {
    if (req.complete || socket.destroyed) return;
    let dropped = 0;
    const close = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(close, LINGER_MAX_MS);
    timer.unref();
    // A route's partial reader may still listen: take the stream over and let it flow.
    req.removeAllListeners("readable");
    req.removeAllListeners("data");
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_MAX_BYTES) close();
    });
    req.once("end", close);
    req.resume();
    socket.end();
  });
}
