import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, rowSelector, sendDelivery } from "@/test/e2e/support";

// What the owner changes reaches every open view without a reload: verdicts re-judged after
// a new secret, deletions.
const suite = setupBrowserSuite();

describe("owner changes reach open views live", () => {
  it("a viewer's badge turns valid when the owner sets the secret, and the list empties when cleared", async () => {
    const bin = (await (
      await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" })
    ).json()) as {
      id: string;
      ownerToken: string;
      echoUrl: string;
    };
    const body = JSON.stringify({ id: "live-1", object: "analysis", status: "completed" });
    const id = await sendDelivery(bin.echoUrl, {
      headers: {
        "Content-Type": "application/json",
        "X-CallCov-Signature": createHmac("sha256", "live-secret").update(body).digest("hex"),
      },
      body,
    });
    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${bin.id}`);
    const badge = viewer.locator(`${rowSelector(id)} [data-testid="signature-badge"]`);
    await badge.waitFor();
    expect(await badge.getAttribute("data-status")).toBe("no_secret");
    await viewer.getByTestId("live-status").filter({ hasText: "Live" }).waitFor();

    const owner = { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" };
    await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: owner,
      body: JSON.stringify({ webhookSecret: "live-secret" }),
    });
    await viewer.waitForFunction(
      (selector) => document.querySelector(selector)?.getAttribute("data-status") === "valid",
      `${rowSelector(id)} [data-testid="signature-badge"]`,
      { timeout: 10_000 },
    );

    await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries`, {
      method: "DELETE",
      headers: owner,
    });
    await viewer.locator(rowSelector(id)).waitFor({ state: "detached", timeout: 10_000 });
    await viewer.context().close();
  });
});
