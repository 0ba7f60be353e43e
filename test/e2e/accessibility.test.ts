import { describe, expect, it } from "vitest";
import { axeViolations } from "@/test/support/axe-violations";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { openOwnedBin, newPage, rowSelector, sendDelivery } from "@/test/e2e/support";

const suite = setupBrowserSuite();
const analysis = JSON.stringify({
  id: "an_axe",
  object: "analysis",
  status: "completed",
  call: { agent_id: "agent_1" },
  transcript: {
    text: "Hello.",
    segments: [{ speaker: "agent", text: "Hello.", start: 0, end: 1 }],
  },
  results: { compliance: { score: 0.9, passed: true } },
});

// A second row in the list, with a form body.
const FORM_DELIVERY = {
  path: "/orders",
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: "order=1234&status=paid",
};

describe("accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`home, view (list, every body view, analysis, settings) and docs: no serious or critical violation (${colorScheme})`, async () => {
      const options = { viewport: { width: 1440, height: 900 }, colorScheme, bypassCSP: true };
      const found: string[] = [];

      const home = await newPage(suite.browser, options);
      await home.goto(suite.server.baseUrl + "/");
      await home.getByTestId("create-bin").waitFor();
      found.push(...(await axeViolations(home, "home")));
      await home.goto(suite.server.baseUrl + "/docs");
      await home.locator("h1").waitFor();
      found.push(...(await axeViolations(home, "docs")));
      await home.context().close();

      const { page, echoUrl } = await openOwnedBin({ ...suite, options });
      found.push(...(await axeViolations(page, "view (empty)")));
      await sendDelivery(echoUrl, FORM_DELIVERY);
      const id = await sendDelivery(echoUrl, {
        path: "/webhooks/analysis?attempt=1",
        headers: { "Content-Type": "application/json", "X-CallCov-Signature": "00" },
        body: analysis,
      });
      await page.locator(rowSelector(id)).click();
      await page.getByTestId("analysis-view").waitFor();
      found.push(...(await axeViolations(page, "view (list, analysis)")));
      for (const tab of ["pretty", "raw", "hex"]) {
        await page.getByTestId(`body-tab-${tab}`).click();
        await page.waitForFunction(
          (tab) =>
            document
              .querySelector(`[data-testid="body-tab-${tab}"]`)
              ?.getAttribute("aria-selected") === "true",
          tab,
        );
        found.push(...(await axeViolations(page, `view (${tab})`)));
      }
      await page.getByTestId("open-settings").click();
      await page.getByTestId("owner-settings").waitFor();
      found.push(...(await axeViolations(page, "view (settings dialog)")));
      await page.context().close();

      expect(found, found.join("\n")).toEqual([]);
    });
  }
});
