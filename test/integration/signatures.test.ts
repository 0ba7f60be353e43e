import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
const db = suite.db;
const SECRET = "whsec_test_Secret-value-42";

const createBin = suite.createBin;

async function sendSigned(binId: string, body: string, signWith = SECRET, tamper = false) {
  const signature = createHmac("sha256", signWith).update(body).digest("hex");
  const response = await fetch(`${suite.server.baseUrl}/echo/${binId}/webhooks/analysis`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CallCov-Signature": signature },
    body: tamper ? body.replace("completed", "failed") : body,
  });
  return (await response.json()).deliveryId as string;
}

const putSettings = suite.putSettings;

async function listSignatures(binId: string) {
  const page = await (await fetch(`${suite.server.baseUrl}/api/bins/${binId}/deliveries`)).json();
  return Object.fromEntries(
    page.deliveries.map((d: { id: string; signature: { status: string } }) => [d.id, d.signature]),
  );
}

describe("webhook secret and signature verdicts", () => {
  it("only the owner can set, replace and remove the secret", async () => {
    const bin = await createBin();
    const other = await createBin();
    expect((await putSettings(bin.id, { webhookSecret: SECRET })).status).toBe(401);
    expect((await putSettings(bin.id, { webhookSecret: SECRET }, other.ownerToken)).status).toBe(
      403,
    );
    expect((await putSettings(bin.id, { webhookSecret: SECRET }, "not-a-token")).status).toBe(403);
    expect(
      (await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json()).hasSecret,
    ).toBe(false);

    const set = await putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken);
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ hasSecret: true });
    expect(
      (await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json()).hasSecret,
    ).toBe(true);
    const { rows } = await db.query<{ webhook_secret_encrypted: string }>(
      "SELECT webhook_secret_encrypted FROM bins WHERE id = $1",
      [bin.id],
    );
    expect(rows[0]?.webhook_secret_encrypted).toBeTruthy();
    expect(rows[0]?.webhook_secret_encrypted).not.toContain(SECRET);

    const removed = await putSettings(bin.id, { webhookSecret: null }, bin.ownerToken);
    expect(await removed.json()).toMatchObject({ hasSecret: false });
  });

  it("the owner cookie from the creating browser works like the bearer token", async () => {
    const response = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = await response.json();
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    const set = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ webhookSecret: SECRET }),
    });
    expect(set.status).toBe(200);
  });

  it("refuses bad settings with 400 and changes nothing", async () => {
    const bin = await createBin();
    for (const body of [{ webhookSecret: "" }, { webhookSecret: 42 }, { unknown: true }]) {
      expect((await putSettings(bin.id, body, bin.ownerToken)).status).toBe(400);
    }
    const raw = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${bin.ownerToken}` },
      body: "{not json",
    });
    expect(raw.status).toBe(400);
    expect(
      (await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json()).hasSecret,
    ).toBe(false);
  });

  it("re-judges deliveries when the secret changes", async () => {
    const bin = await createBin();
    const body = JSON.stringify({ id: "a1", object: "analysis", status: "completed" });
    const good = await sendSigned(bin.id, body);
    const tampered = await sendSigned(bin.id, body, SECRET, true);
    const unsigned = (
      await (await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, { method: "POST", body })).json()
    ).deliveryId;

    let verdicts = await listSignatures(bin.id);
    expect(verdicts[good]).toMatchObject({ scheme: "callcov", status: "no_secret" });
    expect(verdicts[unsigned]).toMatchObject({ scheme: null, status: "no_secret" });

    await putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken);
    verdicts = await listSignatures(bin.id);
    expect(verdicts[good]).toMatchObject({ scheme: "callcov", status: "valid" });
    expect(verdicts[tampered]).toMatchObject({ scheme: "callcov", status: "invalid" });
    expect(verdicts[unsigned]).toMatchObject({ scheme: null, status: "missing" });

    await putSettings(bin.id, { webhookSecret: "another-secret" }, bin.ownerToken);
    verdicts = await listSignatures(bin.id);
    expect(verdicts[good]).toMatchObject({ status: "invalid" });
    expect(verdicts[good].reason).toMatch(/X-CallCov-Signature/);
  });

  it("shows expected vs received only to the owner, and the secret to nobody", async () => {
    const bin = await createBin();
    await putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken);
    const id = await sendSigned(bin.id, '{"status":"completed"}', "wrong-secret");
    const url = `${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`;
    const asOwner = await (
      await fetch(url, { headers: { Authorization: `Bearer ${bin.ownerToken}` } })
    ).json();
    expect(asOwner.signature.status).toBe("invalid");
    expect(asOwner.signature.ownerDetail.expected).toBe(
      createHmac("sha256", SECRET).update('{"status":"completed"}').digest("hex"),
    );
    const asViewer = await (await fetch(url)).json();
    expect(asViewer.signature).not.toHaveProperty("ownerDetail");
    expect(JSON.stringify(asViewer)).not.toContain(asOwner.signature.ownerDetail.expected);

    const pages = [
      `/api/bins/${bin.id}`,
      `/api/bins/${bin.id}/deliveries`,
      `/api/bins/${bin.id}/deliveries/${id}`,
      `/view/${bin.id}`,
      `/view/${bin.id}/${id}`,
      `/`,
    ];
    for (const page of pages) {
      const roles: Array<Record<string, string>> = [
        {},
        { Authorization: `Bearer ${bin.ownerToken}` },
      ];
      for (const headers of roles) {
        const text = await (await fetch(`${suite.server.baseUrl}${page}`, { headers })).text();
        expect(text, page).not.toContain(SECRET);
        expect(text, page).not.toContain(bin.ownerToken);
      }
    }
    expect(suite.server.output()).not.toContain(SECRET);
    expect(suite.server.output()).not.toContain(bin.ownerToken);
  });

  it("lets the first claimant own a bin created by a delivery, once", async () => {
    await fetch(`${suite.server.baseUrl}/echo/claim-me`, { method: "POST", body: "x" });
    expect((await (await fetch(`${suite.server.baseUrl}/api/bins/claim-me`)).json()).hasOwner).toBe(
      false,
    );
    const claim = await fetch(`${suite.server.baseUrl}/api/bins/claim-me/claim`, {
      method: "POST",
    });
    expect(claim.status).toBe(201);
    const { ownerToken } = await claim.json();
    expect(claim.headers.get("set-cookie")).toContain("we_owner_claim-me=");
    const again = await fetch(`${suite.server.baseUrl}/api/bins/claim-me/claim`, {
      method: "POST",
    });
    expect(again.status).toBe(409);
    expect((await putSettings("claim-me", { webhookSecret: SECRET }, ownerToken)).status).toBe(200);
    // Claim never creates a bin (issue 12): the raced bin exists through a first delivery.
    await fetch(`${suite.server.baseUrl}/echo/race-bin`, { method: "POST", body: "x" });
    const racers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        fetch(`${suite.server.baseUrl}/api/bins/race-bin/claim`, { method: "POST" }),
      ),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});
