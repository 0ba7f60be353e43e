import type { ServerResponse } from "node:http";

export interface SendWebResponseOptions {
  response: Response;
  res: ServerResponse;
}

/**
 * Writes a fetch `Response` to a Node response at the client's pace: the next chunk is read
 * only once the socket took the last one, so what a slow client leaves unread stays in the
 * body stream's queue, where its producer sees it (the live hub drops such a viewer). A
 * client that goes away cancels the body; a body that fails cuts the connection, as Next does.
 */
export async function sendWebResponse({ response, res }: SendWebResponseOptions): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // A body that fails (the hub dropping a viewer that stopped reading) cuts the connection at
  // once, even while this waits for a drain that such a client would never give.
  reader.closed.catch(() => res.destroy());
  let gone = false;
  let wakeWriter: (() => void) | null = null;
  const onClose = () => {
    gone = true;
    wakeWriter?.();
    reader.cancel().catch(() => {});
  };
  res.once("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || gone) break;
      if (res.write(value)) continue;
      await new Promise<void>((resolve) => {
        const wake = () => {
          res.off("drain", wake);
          wakeWriter = null;
          resolve();
        };
        wakeWriter = wake;
        res.once("drain", wake);
      });
      if (gone) break;
    }
    if (!gone) res.end();
  } catch {
    res.destroy();
  } finally {
    res.off("close", onClose);
  }
}
