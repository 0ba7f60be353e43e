import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
const SECRET = "permission-matrix-secret-7f3a";

type Role = "anonymous" | "viewer" | "otherOwner" | "owner" | "ownerCookie";
let bin: { id: string; ownerToken: string };
let other: { id: string; ownerToken: string };
let deliveryId: string;
const seen: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
  bin = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
  other = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
  await fetch(`${server.baseUrl}/api/bins/${bin.id}/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ webhookSecret: SECRET }),
  });
  const body = '{"id":"perm-1","object":"analysis","status":"completed"}';
  const answer = await fetch(`${server.baseUrl}/echo/${bin.id}`, {
    method: "POST",
    headers: { "X-CallCov-Signature": createHmac("sha256", "wrong").update(body).digest("hex") },
    body,
  });
  deliveryId = (await answer.json()).deliveryId;
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

function headersFor(role: Role): Record<string, string> {
  switch (role) {
    case "anonymous":
      return {};
    case "viewer":
      // A signed-in browser that owns some other bin: its cookie must not open this one.
      return { Cookie: `we_owner_${other.id}=${other.ownerToken}` };
    case "otherOwner":
      return { Authorization: `Bearer ${other.ownerToken}` };
    case "owner":
      return { Authorization: `Bearer ${bin.ownerToken}` };
    case "ownerCookie":
      return { Cookie: `we_owner_${bin.id}=${bin.ownerToken}` };
  }
}

async function call(role: Role, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...headersFor(role), ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  // Event streams never end: read a first chunk only.
  const text = response.headers.get("content-type")?.startsWith("text/event-stream")
    ? await (async () => {
        const reader = response.body!.getReader();
        const { value } = await reader.read();
        await reader.cancel();
        return new TextDecoder().decode(value);
      })()
    : await response.text();
  seen.push(`${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${text}`);
  return { status: response.status, text };
}

const roles: Role[] = ["anonymous", "viewer", "otherOwner", "owner"];
const readers: Role[] = [...roles, "ownerCookie"];

describe("permission matrix", () => {
  const readRoutes = () =>
    [
      ["GET", `/api/bins/${bin.id}`, 200],
      ["GET", `/api/bins/${bin.id}/deliveries`, 200],
      ["GET", `/api/bins/${bin.id}/deliveries/${deliveryId}`, 200],
      ["GET", `/api/bins/${bin.id}/deliveries/${deliveryId}/raw`, 200],
      ["GET", `/api/bins/${bin.id}/events`, 200],
      ["GET", `/api/bins/${bin.id}/export?format=jsonl`, 200],
      ["GET", `/api/samples/analysis`, 200],
      ["GET", `/api/health`, 200],
      ["GET", `/api/ready`, 200],
      ["GET", `/view/${bin.id}`, 200],
      ["GET", `/view/${bin.id}/${deliveryId}`, 200],
      ["POST", `/api/bins/${bin.id}/claim`, 409],
    ] as const;

  it("reads are open to every role, owner-only details only for the owner", async () => {
    for (const role of readers) {
      for (const [method, path, expected] of readRoutes()) {
        expect((await call(role, method, path)).status, `${role} ${method} ${path}`).toBe(expected);
      }
      const detail = JSON.parse(
        (await call(role, "GET", `/api/bins/${bin.id}/deliveries/${deliveryId}`)).text,
      );
      expect(detail.signature.status).toBe("invalid");
      expect(Boolean(detail.signature.ownerDetail), role).toBe(role.startsWith("owner"));
    }
  });

  it("writes: 401 without a token for this bin, 403 with another bin's token, success for the owner", async () => {
    const writes = [
      ["PUT", `/api/bins/${bin.id}/settings`, { response: { status: 201 } }, 200],
      ["DELETE", `/api/bins/${bin.id}/deliveries/${deliveryId}`, undefined, 204],
      ["DELETE", `/api/bins/${bin.id}/deliveries`, undefined, 204],
      ["DELETE", `/api/bins/${bin.id}`, undefined, 204],
    ] as const;
    const expectedFor: Record<Exclude<Role, "ownerCookie">, (ok: number) => number> = {
      anonymous: () => 401,
      viewer: () => 401,
      otherOwner: () => 403,
      owner: (ok) => ok,
    };
    for (const role of ["anonymous", "viewer", "otherOwner", "owner"] as const) {
      for (const [method, path, body, ok] of writes) {
        const before = await db.query(
          "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1",
          [bin.id],
        );
        const { status } = await call(role, method, path, body);
        expect(status, `${role} ${method} ${path}`).toBe(expectedFor[role](ok));
        if (role !== "owner") {
          const after = await db.query(
            "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1",
            [bin.id],
          );
          expect(after.rows).toEqual(before.rows);
        }
      }
    }
    expect((await db.query("SELECT id FROM bins WHERE id = $1", [bin.id])).rows).toEqual([]);
  });

  it("no response, page or log line contains the webhook secret or an owner token", () => {
    const everything = seen.join("\n") + server.output();
    expect(seen.length).toBeGreaterThan(50);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(bin.ownerToken);
    expect(everything).not.toContain(other.ownerToken);
  });
});
