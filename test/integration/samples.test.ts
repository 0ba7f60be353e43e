import { describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer({ resetEachTest: false });

describe("sample analyses", () => {
  it("GET /api/samples/analysis returns a completed or failed analysis in the seed's shape", async () => {
    const completed = await (
      await fetch(`${suite.server.baseUrl}/api/samples/analysis?status=completed`)
    ).json();
    expect(completed).toMatchObject({
      object: "analysis",
      status: "completed",
      call: { agent_id: expect.any(String) },
    });
    expect(completed.transcript.segments.length).toBeGreaterThan(3);
    expect(Object.keys(completed.results).sort()).toEqual(["coaching", "compliance", "quality"]);
    const failed = await (
      await fetch(`${suite.server.baseUrl}/api/samples/analysis?status=failed`)
    ).json();
    expect(failed).toMatchObject({ status: "failed", error_message: expect.any(String) });
    expect((await fetch(`${suite.server.baseUrl}/api/samples/analysis?status=weird`)).status).toBe(
      400,
    );
  });

  // Changed with issue 12: samples used to be signed for anyone who asked (a signing oracle
  // for the owner's secret); now only the owner's are, and a viewer's go out unsigned.
  it("sends the owner a signed sample through the real capture path; a duplicate is attempt 2", async () => {
    const bin = await (await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" })).json();
    await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ webhookSecret: "sample-secret" }),
    });
    const post = (kind: string, token: string | null = bin.ownerToken) =>
      fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/samples`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ kind }),
      });
    const first = await (await post("completed")).json();
    expect(first).toMatchObject({ status: 200, signed: true, unsignedReason: null });
    const detail = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${first.deliveryId}`)
    ).json();
    expect(detail).toMatchObject({
      method: "POST",
      path: "/webhooks/analysis",
      analysisId: first.analysisId,
      attempt: 1,
    });
    expect(detail.signature).toMatchObject({ scheme: "callcov", status: "valid" });

    const duplicate = await (await post("duplicate")).json();
    expect(duplicate.analysisId).toBe(first.analysisId);
    const again = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${duplicate.deliveryId}`)
    ).json();
    expect(again).toMatchObject({ attempt: 2, isDuplicate: true });
    expect(again.retryTimeline.map((row: { kind: string }) => row.kind)).toEqual([
      "first",
      "duplicate",
    ]);

    // A viewer's sample (no token) is the same kind of server-made body, but unsigned.
    const viewer = await (await post("completed", null)).json();
    expect(viewer).toMatchObject({ status: 200, signed: false, unsignedReason: "not-owner" });
    const viewerDetail = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${viewer.deliveryId}`)
    ).json();
    expect(viewerDetail.signature.status).not.toBe("valid");
    expect(
      viewerDetail.headers.some(([name]: [string]) => name.toLowerCase() === "x-callcov-signature"),
    ).toBe(false);
    // Someone else's token is refused, not silently downgraded.
    expect((await post("completed", "not-the-owner-token")).status).toBe(403);

    const failed = await (await post("failed")).json();
    const failedDetail = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${failed.deliveryId}`)
    ).json();
    expect(JSON.parse(failedDetail.bodyText)).toMatchObject({ status: "failed" });
    expect((await post("nonsense")).status).toBe(400);
    const fresh = await fetch(`${suite.server.baseUrl}/api/bins/empty-bin/samples`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ kind: "duplicate" }),
    });
    expect(fresh.status).toBe(409);
  });
});
