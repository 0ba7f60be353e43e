import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClosingServerResponse } from "@/lib/http/create-closing-server-response";

let server: Server | null = null;
let agent: Agent | null = null;

afterEach(async () => {
  agent?.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
});

/** A server whose answers start in the three ways Node has, on one kept-alive agent. */
async function start(isStopping: () => boolean) {
  server = createServer(
    { ServerResponse: createClosingServerResponse({ isStopping }), keepAliveTimeout: 5000 },
    (req, res) => {
      if (req.url === "/object") res.writeHead(200, { "X-Way": "object" }).end("ok");
      else if (req.url === "/flat") res.writeHead(200, ["X-Way", "flat"]).end("ok");
      else res.end("implicit");
    },
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const { port } = server.address() as AddressInfo;
  return (path: string) =>
    new Promise<string | undefined>((resolve, reject) => {
      request({ port, path, agent: agent! }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.headers.connection));
      })
        .on("error", reject)
        .end();
    });
}

describe("createClosingServerResponse", () => {
  it("keeps connections alive until the stop, then closes each answer's, however it starts", async () => {
    let stopping = false;
    const get = await start(() => stopping);
    expect([await get("/object"), await get("/flat"), await get("/implicit")]).toEqual([
      "keep-alive",
      "keep-alive",
      "keep-alive",
    ]);
    stopping = true;
    expect([await get("/object"), await get("/flat"), await get("/implicit")]).toEqual([
      "close",
      "close",
      "close",
    ]);
  });

  it("closes an answer that was already in flight when the stop began", async () => {
    let stopping = false;
    let answer: (() => void) | null = null;
    server = createServer(
      { ServerResponse: createClosingServerResponse({ isStopping: () => stopping }) },
      (_req, res) => {
        answer = () => res.writeHead(200, ["X-Late", "1"]).end("late");
      },
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    agent = new Agent({ keepAlive: true });
    const { port } = server.address() as AddressInfo;
    const connection = new Promise<string | undefined>((resolve, reject) => {
      request({ port, path: "/", agent: agent! }, (res) => {
        res.resume();
        resolve(res.headers.connection);
      })
        .on("error", reject)
        .end();
    });
    while (!answer) await new Promise((resolve) => setTimeout(resolve, 5));
    stopping = true;
    (answer as () => void)();
    expect(await connection).toBe("close");
  });
});
