import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { expectList, newPage, rowSelector, sendDelivery, waitForText } from "@/test/e2e/support";

// The view's server state lives in a query cache: these stories are about what that cache
// must get right (no request for what the server rendered, no stale reload winning, no live
// row lost to a reload that started before it).
const suite = setupBrowserSuite();

/** A promise with its resolve function, to hold an intercepted request until the test says. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const echoUrlOf = (binId: string) => `${suite.server.baseUrl}/echo/${binId}`;

/** A fresh page on the bin's view, once it lists `ids` (newest first). */
async function openView(binId: string, ids: string[]) {
  const page = await newPage(suite.browser);
  await page.goto(`${suite.server.baseUrl}/view/${binId}`);
  await expectList(page, ids);
  return page;
}

describe("the view's query cache", () => {
  it("paints the server-rendered page without a list request and reads each detail once", async () => {
    const binId = "e2e-cache-first";
    const echoUrl = echoUrlOf(binId);
    const older = await sendDelivery(echoUrl, { path: "/a", body: "a" });
    const newer = await sendDelivery(echoUrl, { path: "/b", body: "b" });

    const page = await newPage(suite.browser);
    const requests: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) requests.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${suite.server.baseUrl}/view/${binId}`);
    await expectList(page, [newer, older]);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.locator('[data-testid="delivery-detail"]').waitFor();

    await page.locator(rowSelector(older)).click();
    await waitForText(page, '[data-testid="delivery-detail"]', ["/a"]);
    await page.locator(rowSelector(newer)).click();
    await waitForText(page, '[data-testid="delivery-detail"]', ["/b"]);
    await page.locator(rowSelector(older)).click();
    await waitForText(page, '[data-testid="delivery-detail"]', ["/a"]);
    console.log(`API requests of the visit: ${JSON.stringify(requests)}`);

    const lists = requests.filter((url) => url.startsWith(`/api/bins/${binId}/deliveries?`));
    const bin = requests.filter((url) => url === `/api/bins/${binId}`);
    expect(lists).toEqual([]);
    expect(bin).toEqual([]);
    for (const id of [older, newer]) {
      expect(requests.filter((url) => url === `/api/bins/${binId}/deliveries/${id}`)).toHaveLength(
        1,
      );
    }
    await page.context().close();
  });

  it("a slow reload for an earlier filter never replaces the list of the current one", async () => {
    const binId = "e2e-cache-race";
    const get = await sendDelivery(echoUrlOf(binId), { method: "GET", path: "/get" });
    const post = await sendDelivery(echoUrlOf(binId), { path: "/post", body: "p" });
    const page = await openView(binId, [post, get]);

    // The GET filter's page is held until the POST filter's page has been shown.
    const release = gate();
    const heldDone = gate<string>();
    await page.route(
      (url) => url.pathname.endsWith("/deliveries") && url.searchParams.get("method") === "GET",
      async (route: Route) => {
        await release.promise;
        // The view may have abandoned the request meanwhile: then the browser never answers it.
        const outcome = await route
          .continue()
          .then(() => route.request().response())
          .then((response) => (response ? `answered ${response.status()}` : "failed"))
          .catch(() => "aborted by the view");
        heldDone.open(outcome);
      },
    );
    await page.getByTestId("filter-method").selectOption("GET");
    await page.getByTestId("filter-method").selectOption("POST");
    await expectList(page, [post]);
    await waitForText(page, '[data-testid="list-count"]', ["1 matching"]);

    release.open();
    console.log(`the earlier filter's held request: ${await heldDone.promise}`);
    // Let React apply whatever the late answer would change.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await expectList(page, [post]);
    expect(await page.getByTestId("filter-method").inputValue()).toBe("POST");
    await page.context().close();
  });

  it("a row that arrives live while the list reloads stays in the list", async () => {
    const binId = "e2e-cache-reload";
    const echoUrl = echoUrlOf(binId);
    const first = await sendDelivery(echoUrl, { path: "/first", body: "1" });
    const page = await openView(binId, [first]);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);
    await page.getByTestId("filter-method").selectOption("POST");
    await expectList(page, [first]);
    // A GET is hidden by the filter, which offers "Check again" (a reload of the same list).
    await sendDelivery(echoUrl, { method: "GET", path: "/hidden" });
    await waitForText(page, '[data-testid="hidden-by-filter"]', ["1 new delivery"]);

    // The reload's answer is read from the server now, but handed to the page only after a
    // new POST has arrived live: the answer does not contain it.
    const snapshotTaken = gate();
    const release = gate();
    await page.route(
      (url) => url.pathname.endsWith("/deliveries") && url.searchParams.get("method") === "POST",
      async (route: Route) => {
        const stale = await route.fetch();
        snapshotTaken.open();
        await release.promise;
        await route.fulfill({ response: stale });
      },
    );
    await page.getByTestId("hidden-by-filter").getByRole("button", { name: "Check again" }).click();
    await snapshotTaken.promise;
    const live = await sendDelivery(echoUrl, { path: "/live", body: "2" });
    await expectList(page, [live, first]);

    const answered = page.waitForResponse(
      (response) => new URL(response.url()).searchParams.get("method") === "POST",
    );
    release.open();
    await answered;
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="list-count"]')?.textContent?.includes("Filtering"),
    );
    await expectList(page, [live, first]);
    await waitForText(page, '[data-testid="list-count"]', ["2 matching"]);
    expect(await page.getByTestId("hidden-by-filter").count()).toBe(0);
    await page.context().close();
  });
});
