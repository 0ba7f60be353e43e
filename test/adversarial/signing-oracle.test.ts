import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Issue 12, item 1: a viewer planted an analysis body with a plain capture and asked for a
// "duplicate" sample, which re-sent that body signed with the owner's secret: a signing
// oracle. Now only the owner's samples are signed, and samples only carry bodies the server
// generated itself.

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
const SECRET = "owner-webhook-secret-9c1e";
let bin: { id: string; ownerToken: string };

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
  bin = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
  const put = await fetch(`${server.baseUrl}/api/bins/${bin.id}/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ webhookSecret: SECRET }),
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

const sign = (body: Buffer) => createHmac("sha256", SECRET).update(body).digest("hex");

function validUnderOwnerSecret(body: Buffer, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sign(body)), Buffer.from(signature.toLowerCase()));
}

async function plant(body: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/echo/${bin.id}/webhooks/analysis`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  expect(response.status).toBe(200);
  return response.headers.get("x-delivery-id")!;
}

function sample(kind: string, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/bins/${bin.id}/samples`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ kind }),
  });
}

async function storedRow(deliveryId: string) {
  const { rows } = await db.query<{ body: Buffer; headers: Array<[string, string]> }>(
    "SELECT body, headers FROM deliveries WHERE id = $1",
    [deliveryId],
  );
  const row = rows[0]!;
  const signature = row.headers.find(([name]) => name.toLowerCase() === "x-callcov-signature");
  return { body: row.body, signature: signature?.[1] };
}

describe("samples are no signing oracle", () => {
  it("a viewer cannot get a planted body signed (or re-sent) through any sample kind", async () => {
    const planted = [
      JSON.stringify({
        id: "evt_forged_refund",
        object: "analysis",
        created: 1_700_000_000,
        status: "completed",
        call: { agent_id: "attacker", contact_id: "victim" },
        results: { refund: { amount: 1_000_000, to: "attacker" } },
      }),
      // Shaped like a server sample id, but the attacker cannot compute its MAC.
      JSON.stringify({
        id: `sample_c_1700000000_0123456789abcdef_${"0".repeat(32)}`,
        object: "analysis",
        created: 1_700_000_000,
        status: "completed",
        call: {},
        forged: true,
      }),
    ];
    for (const body of planted) await plant(body);
    const plantedBytes = planted.map((body) => Buffer.from(body));

    // Nothing the server generated is in the bin yet: duplicate has nothing to re-send.
    expect((await sample("duplicate")).status).toBe(409);

    const viewerSamples: string[] = [];
    for (const kind of ["completed", "failed", "duplicate"]) {
      const response = await sample(kind);
      expect(response.status, kind).toBe(201);
      const result = await response.json();
      expect(result, kind).toMatchObject({ signed: false, unsignedReason: "not-owner" });
      viewerSamples.push(result.deliveryId);
    }
    // Another bin's owner, or a made-up token, cannot have it signed either.
    const other = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
    for (const headers of <Record<string, string>[]>[
      { Authorization: `Bearer ${other.ownerToken}` },
      { Cookie: `we_owner_${bin.id}=guessed-token` },
    ]) {
      expect((await sample("duplicate", headers)).status).toBe(403);
    }

    // The newest analysis is planted again: the owner's duplicate must still not pick it up.
    await plant(planted[0]!);
    const ownerSamples: string[] = [];
    for (const [kind, headers] of [
      ["duplicate", { Authorization: `Bearer ${bin.ownerToken}` }],
      ["completed", { Cookie: `we_owner_${bin.id}=${bin.ownerToken}` }],
    ] as const) {
      const response = await sample(kind, headers);
      expect(response.status, kind).toBe(201);
      const result = await response.json();
      expect(result, kind).toMatchObject({ signed: true, unsignedReason: null });
      ownerSamples.push(result.deliveryId);
    }

    for (const id of viewerSamples) {
      const row = await storedRow(id);
      console.log(`viewer sample ${id}: signature header ${row.signature ?? "(none)"}`);
      expect(row.signature).toBeUndefined();
      expect(validUnderOwnerSecret(row.body, row.signature)).toBe(false);
      for (const bytes of plantedBytes) expect(row.body.equals(bytes)).toBe(false);
    }
    // The viewer's duplicate is their own failed sample again, byte for byte.
    const [, viewerFailed, viewerDuplicate] = await Promise.all(viewerSamples.map(storedRow));
    expect(viewerDuplicate!.body.equals(viewerFailed!.body)).toBe(true);

    for (const id of ownerSamples) {
      const row = await storedRow(id);
      expect(validUnderOwnerSecret(row.body, row.signature)).toBe(true);
      for (const bytes of plantedBytes) expect(row.body.equals(bytes)).toBe(false);
      const detail = await (
        await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`)
      ).json();
      expect(detail.signature).toMatchObject({ scheme: "callcov", status: "valid" });
    }
    // The owner's duplicate rebuilt the newest server sample (the viewer's failed one).
    expect((await storedRow(ownerSamples[0]!)).body.equals(viewerFailed!.body)).toBe(true);

    // Whole bin: the only rows valid under the owner's secret are the ones the owner asked for.
    const { rows } = await db.query<{ id: string; body: Buffer; headers: [string, string][] }>(
      "SELECT id, body, headers FROM deliveries WHERE bin_id = $1",
      [bin.id],
    );
    const validIds = rows
      .filter((row) =>
        validUnderOwnerSecret(
          row.body,
          row.headers.find(([name]) => name.toLowerCase() === "x-callcov-signature")?.[1],
        ),
      )
      .map((row) => row.id)
      .sort();
    expect(validIds).toEqual([...ownerSamples].sort());
  });
});
