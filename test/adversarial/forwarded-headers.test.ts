import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

// Issue 12, item 9: X-Forwarded-Host / X-Forwarded-Proto decided the echo and view URLs the app
// hands out and the owner cookie's Secure flag even without TRUST_PROXY: any client could make
// the app print links to its own host. Without TRUST_PROXY they are ignored; with it, honoured.

const databaseUrl = inject("databaseUrl");
const FORWARDED = { "X-Forwarded-Host": "attacker.example", "X-Forwarded-Proto": "https" };
let direct: TestServer;
let proxied: TestServer;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startTestServer({ databaseUrl, env: { TRUST_PROXY: "false" } }),
    startTestServer({ databaseUrl, env: { TRUST_PROXY: "true" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

async function createBin(server: TestServer) {
  const response = await fetch(`${server.baseUrl}/api/bins`, {
    method: "POST",
    headers: FORWARDED,
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; echoUrl: string; viewUrl: string };
  return { ...body, cookie: response.headers.get("set-cookie") ?? "" };
}

describe("forwarded host and scheme", () => {
  it("are ignored without TRUST_PROXY: URLs from the Host header, cookie not Secure", async () => {
    const bin = await createBin(direct);
    const origin = `http://127.0.0.1:${direct.port}`;
    expect(bin.echoUrl).toBe(`${origin}/echo/${bin.id}`);
    expect(bin.viewUrl).toBe(`${origin}/view/${bin.id}`);
    expect(bin.cookie).toMatch(/^we_owner_/);
    expect(bin.cookie).not.toMatch(/Secure/i);

    const view = (await (
      await fetch(`${direct.baseUrl}/api/bins/${bin.id}`, { headers: FORWARDED })
    ).json()) as { echoUrl: string; viewUrl: string };
    expect(view.echoUrl).toBe(`${origin}/echo/${bin.id}`);
    expect(view.viewUrl).toBe(`${origin}/view/${bin.id}`);

    const page = await (
      await fetch(`${direct.baseUrl}/view/${bin.id}`, { headers: FORWARDED })
    ).text();
    expect(page).toContain(`${origin}/echo/${bin.id}`);
    expect(page).not.toContain("attacker.example");
  });

  it("are honoured with TRUST_PROXY (the proxy states the public host and scheme)", async () => {
    const bin = await createBin(proxied);
    expect(bin.echoUrl).toBe(`https://attacker.example/echo/${bin.id}`);
    expect(bin.viewUrl).toBe(`https://attacker.example/view/${bin.id}`);
    expect(bin.cookie).toMatch(/; Secure/);
  });
});
