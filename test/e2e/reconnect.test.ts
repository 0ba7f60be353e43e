import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { startTcpProxy, type TcpProxy } from "@/test/support/start-tcp-proxy";
import { newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
let proxy: TcpProxy;

beforeAll(async () => {
  // The browser talks to the server through a TCP forwarder the test can cut: a real network
  // failure of the open event stream (emulated offline mode leaves open streams alone).
  proxy = await startTcpProxy({ targetHost: "127.0.0.1", targetPort: suite.server.port });
});
afterAll(async () => {
  await proxy?.close();
});

describe("live stream reconnects", () => {
  it("catches up on deliveries sent while the connection was down", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/e2e-reconnect`;
    const first = await sendDelivery(echoUrl, { body: "before" });
    const page = await newPage(suite.browser);
    await page.goto(`http://127.0.0.1:${proxy.port}/view/e2e-reconnect`);
    await page.locator(rowSelector(first)).waitFor();
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    const live = await sendDelivery(echoUrl, { body: "live" });
    await page.locator(rowSelector(live)).waitFor({ timeout: 10_000 });

    await proxy.down();
    await waitForText(page, '[data-testid="live-status"]', ["Reconnecting…"]);
    const missedA = await sendDelivery(echoUrl, { body: "missed-a" });
    const missedB = await sendDelivery(echoUrl, { body: "missed-b" });
    // Nothing arrives while the connection is down (the browser's retries are refused).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await page.locator(rowSelector(missedA)).count()).toBe(0);

    await proxy.up();
    await page.locator(rowSelector(missedA)).waitFor({ timeout: 15_000 });
    await page.locator(rowSelector(missedB)).waitFor({ timeout: 15_000 });
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    // Replays are deduplicated: every delivery shows exactly once, newest first.
    const ids = await page
      .locator('[data-testid="delivery-row"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-delivery-id")));
    expect(ids).toEqual([missedB, missedA, live, first]);
    await page.context().close();
  });
});
