import path from "node:path";
import { describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { newPage, openOwnedBin, rowSelector, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();

describe("response rules and chaos in the view", () => {
  it("the owner adds a rule; a matching capture gets its answer and the detail names rule 1; the chip shows chaos", async () => {
    const { page, binId, echoUrl } = await openOwnedBin(suite);
    await page.getByTestId("open-settings").click();
    await page.getByTestId("owner-settings").waitFor();

    // A mistake is named before anything is sent (the browser checks with the server's schema).
    const editor = page.getByTestId("rules-json");
    await editor.fill('[{"when":{"path":"webhooks/*"},"response":{"status":202}}]');
    await page.getByTestId("rules-save").click();
    await waitForText(page, '[data-testid="rules-error"]', ["rules[0].when.path", "start with /"]);

    const rule = {
      when: {
        method: "POST",
        path: "/webhooks/*",
        json: { path: "$.type", equals: "invoice.paid" },
      },
      response: { status: 202, body: "accepted by rule", contentType: "text/plain" },
    };
    await editor.fill(JSON.stringify([rule]));
    await page.getByTestId("rules-save").click();
    await waitForText(page, '[data-testid="rules-saved"]', ["Saved 1 rule"]);
    await page.screenshot({ path: path.join(screenshotDir, "view-response-rules.png") });
    await page.getByTestId("owner-settings-close").click();
    await waitForText(page, '[data-testid="response-summary"]', ["1 response rule"]);

    const answer = await fetch(`${echoUrl}/webhooks/billing`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "invoice.paid" }),
    });
    expect(answer.status).toBe(202);
    expect(await answer.text()).toBe("accepted by rule");
    const id = answer.headers.get("x-delivery-id")!;
    await page.locator(rowSelector(id)).waitFor({ timeout: 10_000 });
    await page.locator(rowSelector(id)).click();
    const sent = '[data-testid="sent-response"][data-reason="rule"]';
    await page.locator(sent).waitFor();
    await waitForText(page, sent, ["202", "response rule 1", "accepted by rule"]);

    // A capture the rule does not match is answered by default, and says so.
    const other = await fetch(`${echoUrl}/elsewhere`, { method: "POST", body: "{}" });
    expect(other.status).toBe(200);

    // Chaos and gone from their form; the header chip says so (also to a viewer).
    await page.getByTestId("open-settings").click();
    await page.getByTestId("chaos-rate").fill("0.25");
    await page.getByTestId("chaos-statuses").fill("503, 429");
    await page.getByTestId("chaos-save").click();
    await waitForText(page, '[data-testid="chaos-saved"]', ["fails 25% of deliveries at random"]);
    await page.getByTestId("owner-settings-close").click();
    await waitForText(page, '[data-testid="response-summary"]', ["chaos 25%", "1 rule"]);
    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${binId}`);
    await waitForText(viewer, '[data-testid="response-summary"]', ["chaos 25%"]);
    expect(await viewer.getByTestId("rules-settings").count()).toBe(0);

    await page.getByTestId("open-settings").click();
    await page.getByTestId("chaos-gone").check();
    await page.getByTestId("chaos-save").click();
    await waitForText(page, '[data-testid="chaos-saved"]', ["410 Gone"]);
    await page.getByTestId("owner-settings-close").click();
    await waitForText(page, '[data-testid="response-summary"]', ["gone 410"]);
    const gone = await fetch(`${echoUrl}/webhooks/billing`, { method: "POST", body: "{}" });
    expect(gone.status).toBe(410);
    const goneId = gone.headers.get("x-delivery-id")!;
    await page.locator(rowSelector(goneId)).click({ timeout: 10_000 });
    await waitForText(page, '[data-testid="sent-response"][data-reason="gone"]', ["410", "gone"]);
    await viewer.context().close();
  });
});
