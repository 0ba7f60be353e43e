import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

const databaseUrl = inject("databaseUrl");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
});
afterAll(() => server?.stop());

describe("security headers", () => {
  it.each(["/", "/view/some-bin", "/docs", "/view/bad.id"])(
    "%s carries a nonce-based Content-Security-Policy, a fresh nonce per request",
    async (path) => {
      const policies = [];
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${server.baseUrl}${path}`);
        const policy = response.headers.get("content-security-policy") ?? "";
        expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
        expect(policy).toContain("object-src 'none'");
        expect(policy).toContain("frame-ancestors 'none'");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        const html = await response.text();
        const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
        // Every inline script Next emits carries this request's nonce.
        const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
        for (const [, attributes] of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
        policies.push(nonce);
      }
      expect(policies[0]).not.toBe(policies[1]);
    },
  );

  it("answers from /echo/* can never run as a page on our origin", async () => {
    const response = await fetch(`${server.baseUrl}/echo/headers-bin`, {
      method: "POST",
      body: "<script>alert(1)</script>",
    });
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("API answers that match no route", () => {
  // server.ts answers these in JSON before Next (lib/http/screen-next-request.ts), with the
  // same policy next.config.js gives every /api/* answer, under which nothing can run.
  it.each([
    ["GET", "/api/nope"],
    ["POST", "/api/nope/deeper"],
    ["GET", "/api/bins/some-bin/nope"],
    ["DELETE", "/api/bins/some-bin/deliveries/x/raw/more"],
    ["GET", "/api/bins/some-bin/settings"],
  ])("%s %s carries the security headers", async (method, path) => {
    const response = await fetch(`${server.baseUrl}${path}`, { method });
    expect([404, 405], path).toContain(response.status);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain("script-src");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("keeps a route's own stricter policy (raw downloads stay sandboxed)", async () => {
    const capture = await fetch(`${server.baseUrl}/echo/headers-raw-bin`, {
      method: "POST",
      body: "<script>alert(1)</script>",
    });
    const { deliveryId } = (await capture.json()) as { deliveryId: string };
    const raw = await fetch(
      `${server.baseUrl}/api/bins/headers-raw-bin/deliveries/${deliveryId}/raw`,
    );
    expect(raw.status).toBe(200);
    expect(raw.headers.get("content-security-policy")).toContain("sandbox");
  });
});

describe("the live stream, which server.ts serves outside Next", () => {
  const SECURITY_HEADERS = [
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
  ];

  // Whatever it answers (a stream, or an error mapped as every route's is), it carries the
  // same security headers as the /api/ answers next.config.js decorates.
  it.each([
    ["GET", "/api/bins/headers-live-bin/events", 200, "text/event-stream; charset=utf-8"],
    ["GET", "/api/bins/bad.id/events", 400, "application/json"],
    ["GET", "/api/bins/headers-live-bin/events?respond=1", 401, "application/json"],
    ["POST", "/api/bins/headers-live-bin/events", 405, "application/json"],
  ])("%s %s: %d with the /api/ security headers", async (method, path, status, type) => {
    const nextAnswer = await fetch(`${server.baseUrl}/api/nope`);
    const controller = new AbortController();
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      signal: controller.signal,
    });
    try {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain(type);
      for (const name of SECURITY_HEADERS) {
        expect(response.headers.get(name), name).toBe(nextAnswer.headers.get(name));
        expect(response.headers.get(name), name).toBeTruthy();
      }
      if (status === 405) expect(response.headers.get("allow")).toBe("GET");
      if (status !== 200) {
        const body = (await response.json()) as { error: string; message: string };
        expect(body.error).toMatch(/^[a-z_]+$/);
        expect(body.message.length).toBeGreaterThan(0);
      }
    } finally {
      controller.abort();
    }
  });
});
