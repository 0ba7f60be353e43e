import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { healthScenario, seedDeliveries } from "@/test/support/seed-deliveries";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { GUIDE_ANALYSIS } from "@/test/support/guide-analysis";
import { createTestDb } from "@/test/support/test-db";
import { newPage, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
let db: ReturnType<typeof createTestDb> | undefined;
afterAll(async () => {
  await db?.close();
});

// The README's pictures, committed under stable names (docs/screenshots/<name>-<scheme>.png):
// home, view-analysis (desktop, an analysis open), view-analysis-phone (390 px), overview.
// Every other screenshot is test output only (test-results/screenshots).
const readmeDir = path.resolve(import.meta.dirname, "..", "..", "docs", "screenshots");
mkdirSync(readmeDir, { recursive: true });
const DESKTOP = { width: 1440, height: 900 };

// The guide's example, with the customer's answer so the transcript shows both speakers.
const analysis = {
  ...GUIDE_ANALYSIS,
  transcript: {
    text: "Agent: Hello, thank you for calling. Customer: My order never arrived.",
    segments: [
      ...GUIDE_ANALYSIS.transcript.segments,
      { speaker: "Customer", text: "My order never arrived.", start: 2.8, end: 4.5 },
    ],
  },
};

describe("screenshots", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`home, empty view and JSON delivery (${colorScheme})`, async () => {
      const shot = (name: string) => path.join(screenshotDir, `${name}-${colorScheme}.png`);
      const readme = (name: string) => path.join(readmeDir, `${name}-${colorScheme}.png`);
      const page = await newPage(suite.browser, { colorScheme, viewport: DESKTOP });
      await page.goto(suite.server.baseUrl + "/");
      await page.screenshot({ path: readme("home") });
      await page.screenshot({ path: shot("home"), fullPage: true });
      await page.getByTestId("create-bin").click();
      await page.getByTestId("empty-state").waitFor();
      const echoUrl = (await page.getByTestId("echo-url").textContent()) ?? "";
      await waitForText(page, '[data-testid="live-status"]', ["Live"]);
      await page.screenshot({ path: shot("view-empty") });

      await sendDelivery(echoUrl, { method: "GET", path: "/health?probe=1" });
      await sendDelivery(echoUrl, {
        path: "/orders",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "order=1234&status=paid",
      });
      const id = await sendDelivery(echoUrl, {
        path: "/webhooks/callcov?attempt=1",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "CallCov-Webhooks/1.0",
          "X-CallCov-Signature": "5d41402abc4b2a76b9719d911017c592",
        },
        body: JSON.stringify(analysis),
      });
      await page.locator(`[data-testid="delivery-row"][data-delivery-id="${id}"]`).click();
      // An analysis opens on its report.
      await page.getByTestId("analysis-view").waitFor();
      // The report in sight (the detail reads request, headers, signature, then the body).
      await page
        .getByTestId("analysis-view")
        .evaluate((element) => element.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: readme("view-analysis") });
      // This one is of the JSON tree.
      await page.getByTestId("body-tab-pretty").click();
      await waitForText(page, '[data-testid="json-tree"]', [JSON.stringify(analysis.id)]);
      await page.screenshot({ path: shot("view-json") });

      // The owner's settings sheet.
      await page.getByTestId("open-settings").click();
      await page.getByTestId("owner-settings").waitFor();
      await page.screenshot({ path: shot("view-settings") });
      await page.getByTestId("owner-settings-close").click();

      // Phone width: list first, the detail after selecting (with a way back).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: shot("view-json-phone") });
      await page.getByTestId("analysis-tab").click();
      await page.getByTestId("analysis-view").waitFor();
      await page.screenshot({ path: readme("view-analysis-phone") });
      await page.getByRole("button", { name: "← All deliveries" }).click();
      await page.screenshot({ path: shot("view-list-phone") });
      expect(await page.getByTestId("delivery-row").count()).toBe(3);
      await page.context().close();
    });
  }

  for (const colorScheme of ["light", "dark"] as const) {
    it(`the overview (${colorScheme})`, async () => {
      db ??= createTestDb(suite.databaseUrl);
      const created = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
      const bin = (await created.json()) as { id: string };
      await seedDeliveries({
        pool: db.pool,
        binId: bin.id,
        deliveries: healthScenario({ now: Date.now(), staleVerdict: false }),
      });
      const page = await newPage(suite.browser, { colorScheme, viewport: DESKTOP });
      await page.goto(`${suite.server.baseUrl}/view/${bin.id}`);
      await waitForText(page, '[data-testid="live-status"]', ["Live"]);
      await page.getByTestId("open-overview").click();
      await waitForText(page, '[data-testid="stats-summary"]', ["deliveries in the last"]);
      // The charts load when the overview opens.
      await page.locator('[data-testid="bin-overview"] svg[role="img"]').first().waitFor();
      await page.screenshot({ path: path.join(readmeDir, `overview-${colorScheme}.png`) });
      await page.context().close();
    });
  }
});
