import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebResponse } from "@/lib/http/send-web-response";

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A real HTTP server that answers every request with `makeResponse()` through sendWebResponse. */
async function serve(makeResponse: () => Response): Promise<number> {
  server = createServer((req, res) => void sendWebResponse({ response: makeResponse(), res }));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("sendWebResponse", () => {
  it("sends the status, every header (each cookie on its own line) and the body", async () => {
    const port = await serve(() => {
      const headers = new Headers({ "Content-Type": "text/plain", "X-Thing": "1" });
      headers.append("Set-Cookie", "a=1; Path=/");
      headers.append("Set-Cookie", "b=2; Path=/");
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("one "));
          controller.enqueue(new TextEncoder().encode("two"));
          controller.close();
        },
      });
      return new Response(body, { status: 202, headers });
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(202);
    expect(response.headers.get("x-thing")).toBe("1");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.text()).toBe("one two");
  });

  it("cancels the body when the client goes away", async () => {
    let cancelled!: () => void;
    const wasCancelled = new Promise<void>((resolve) => (cancelled = resolve));
    const port = await serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("hello"));
            },
            cancel: () => cancelled(),
          }),
        ),
    );
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("hello");
    controller.abort();
    await wasCancelled;
  });

  it("cuts a client that stopped reading as soon as the body fails, without waiting for a drain", async () => {
    let fail!: () => void;
    let sentBig!: () => void;
    const bigSent = new Promise<void>((resolve) => (sentBig = resolve));
    const port = await serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              // More than the socket buffers take: the writer now waits for a drain.
              controller.enqueue(new Uint8Array(32 * 1024 * 1024));
              fail = () => controller.error(new Error("consumer too slow"));
              sentBig();
            },
          }),
        ),
    );
    const socket = connect(port, "127.0.0.1");
    let received = 0;
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", () => {});
    socket.on("data", (chunk: Buffer) => (received += chunk.byteLength));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    // Read a little, then stop: the server's writes back up.
    socket.once("data", () => socket.pause());
    await bigSent;
    await new Promise((resolve) => setTimeout(resolve, 200));
    fail();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Reading again finds the connection cut before the body's 32 MiB went out: the server
    // did not wait for a drain before hanging up.
    socket.resume();
    await closed;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(32 * 1024 * 1024);
  });
});
