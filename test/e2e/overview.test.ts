import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { healthScenario, seedDeliveries } from "@/test/support/seed-deliveries";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { createTestDb } from "@/test/support/test-db";
import { newPage, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
let db: ReturnType<typeof createTestDb> | undefined;
afterAll(async () => {
  await db?.close();
});

/** The text alternative of one chart: the labelled image's name. */
function chartLabel(page: Page, testId: string) {
  return page.locator(`[data-testid="${testId}"] svg[role="img"]`).getAttribute("aria-label");
}

async function waitForSummary(page: Page, fragment: string) {
  await waitForText(page, '[data-testid="stats-summary"]', [fragment]);
}

describe("bin overview", () => {
  it("draws the seeded numbers as charts with text alternatives, per window, and follows live deliveries", async () => {
    db = createTestDb(suite.databaseUrl);
    const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    const bin = (await created.json()) as { id: string; echoUrl: string };
    // (No verdict from an older secret: the list on screen re-judges what it shows.)
    const seeded = healthScenario({ now: Date.now(), staleVerdict: false });
    await seedDeliveries({ pool: db.pool, binId: bin.id, deliveries: seeded });

    const page = await newPage(suite.browser);
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await page.goto(`${suite.server.baseUrl}/view/${bin.id}`);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.waitForLoadState("networkidle");
    const before = new Set(scripts);

    await page.getByTestId("open-overview").click();
    await page.getByTestId("bin-overview").waitFor();
    await waitForSummary(page, "12 deliveries in the last 24 hours");
    // The charts' code came with the click, not with the view.
    expect(scripts.filter((url) => !before.has(url)).length).toBeGreaterThan(0);

    expect(await chartLabel(page, "stats-answers")).toBe("Our answers: 2xx 4, 4xx 1, 5xx 7");
    expect(await chartLabel(page, "stats-signatures")).toBe(
      "Signatures: valid 4, invalid 3, unsigned 3, no secret set 2",
    );
    expect(await chartLabel(page, "stats-attempts")).toBe(
      "Attempts per analysis: 2 attempts 1, 3 attempts 1, 4 attempts 1",
    );
    expect(await chartLabel(page, "stats-deliveries")).toMatch(
      /^Deliveries over the last 24 hours: 12 in total, busiest 30 min from .+ with \d+$/,
    );
    expect(await chartLabel(page, "stats-schedule")).toContain(
      "retry 1 expected after 1 min: 3 seen, median 1 min, 2 on schedule, 1 early, 0 late",
    );
    // The numbers are printed on the bars too, and every chart has a table for screen readers.
    expect(await page.getByTestId("stats-answers").innerText()).toMatch(/5xx\s*7/);
    const scheduleTable = page.locator('[data-testid="stats-schedule"] table');
    expect(await scheduleTable.locator("caption").textContent()).toContain("retry schedule");
    const firstRetry = await scheduleTable
      .locator("tbody tr")
      .first()
      .locator("td")
      .allTextContents();
    expect(firstRetry).toEqual(["1", "1 min", "3", "1 min", "30 s", "1 min 10 s", "2", "1", "0"]);
    const bucketRows = page.locator('[data-testid="stats-deliveries"] table tbody tr');
    const bucketTotals = await bucketRows.evaluateAll((rows) =>
      rows.map((row) => Number(row.querySelectorAll("td")[1]?.textContent)),
    );
    expect(bucketTotals.reduce((sum, value) => sum + value, 0)).toBe(12);

    await page.getByRole("button", { name: "1 hour" }).click();
    await waitForSummary(page, "9 deliveries in the last hour");
    expect(await chartLabel(page, "stats-answers")).toBe("Our answers: 2xx 3, 4xx 1, 5xx 5");
    expect(await chartLabel(page, "stats-schedule")).toContain(
      "retry 2 expected after 5 min: 2 seen, median 36 min 55 s, 1 on schedule, 0 early, 1 late",
    );
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: path.join(screenshotDir, `view-overview-${colorScheme}.png`) });
    }

    // A live delivery updates the open overview.
    await sendDelivery(bin.echoUrl, { path: "/live", body: "{}" });
    await waitForSummary(page, "10 deliveries in the last hour");
    expect(await chartLabel(page, "stats-answers")).toBe("Our answers: 2xx 4, 4xx 1, 5xx 5");

    await page.getByTestId("overview-close").click();
    await page.getByTestId("bin-overview").waitFor({ state: "detached" });
  });
});
