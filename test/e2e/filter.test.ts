import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { expectList, newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
const binId = "e2e-filter";

describe("search and filter", () => {
  it("narrows the list by method, path, header and body, and keeps live arrivals in step", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/${binId}`;
    const paid = await sendDelivery(echoUrl, {
      path: "/orders",
      headers: { "Content-Type": "application/json", "X-Env": "staging" },
      body: '{"status":"paid"}',
    });
    const put = await sendDelivery(echoUrl, { method: "PUT", path: "/orders/2", body: "x" });
    const health = await sendDelivery(echoUrl, { method: "GET", path: "/health?probe=1" });
    const failed = await sendDelivery(echoUrl, {
      path: "/webhooks",
      headers: { "Content-Type": "application/json" },
      body: '{"status":"failed"}',
    });

    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    await expectList(page, [failed, health, put, paid]);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);

    await page.getByTestId("filter-method").selectOption("POST");
    await expectList(page, [failed, paid]);
    await waitForText(page, '[data-testid="list-count"]', ["2 matching"]);
    await page.getByTestId("filter-body").fill('"failed"');
    await expectList(page, [failed]);

    await page.getByTestId("filter-clear").click();
    await expectList(page, [failed, health, put, paid]);

    await page.getByTestId("filter-text").fill("ORDERS");
    await expectList(page, [put, paid]);
    await page.getByTestId("filter-text").fill("probe=1");
    await expectList(page, [health]);
    await page.getByTestId("filter-text").fill("");
    await page.getByTestId("filter-header").fill("x-env: staging");
    await expectList(page, [paid]);
    await page.getByTestId("filter-header").fill("");
    await expectList(page, [failed, health, put, paid]);

    // No secret on this bin: nothing is "valid".
    await page.getByTestId("filter-signature").selectOption("valid");
    await expectList(page, []);
    await waitForText(page, '[data-testid="list-end"]', ["No deliveries match the filter."]);
    await page.getByTestId("filter-signature").selectOption("no_secret");
    await expectList(page, [failed, health, put, paid]);
    await page.getByTestId("filter-signature").selectOption("");

    // Live arrivals: matches join the filtered list, the rest are counted in a hint.
    await page.getByTestId("filter-method").selectOption("POST");
    await expectList(page, [failed, paid]);
    const liveGet = await sendDelivery(echoUrl, { method: "GET", path: "/live" });
    const livePost = await sendDelivery(echoUrl, { path: "/live", body: "live" });
    await expectList(page, [livePost, failed, paid]);
    await waitForText(page, '[data-testid="hidden-by-filter"]', ["1 new delivery is not shown"]);
    expect(await page.locator(rowSelector(liveGet)).count()).toBe(0);

    // A body filter cannot be judged from a live summary: "check again" asks the suite.server.
    await page.getByTestId("filter-body").fill("live");
    await expectList(page, [livePost]);
    const later = await sendDelivery(echoUrl, { path: "/later", body: "live again" });
    await waitForText(page, '[data-testid="hidden-by-filter"]', ["1 new delivery is not shown"]);
    await page.getByTestId("hidden-by-filter").getByRole("button", { name: "Check again" }).click();
    await expectList(page, [later, livePost]);
    expect(await page.getByTestId("hidden-by-filter").count()).toBe(0);

    // The export links carry the filter.
    await page.getByTestId("export-menu").click();
    expect(await page.getByTestId("export-har").getAttribute("href")).toBe(
      `/api/bins/${binId}/export?format=har&method=POST&body=live`,
    );
    await page.context().close();
  });
});
