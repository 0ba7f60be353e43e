import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildTestAnalysis } from "@/test/support/build-test-analysis";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { expectList, newPage, sendDelivery, waitForText } from "@/test/e2e/support";

const suite = setupBrowserSuite();
const binId = "e2e-filter-conformance-json";
const json = { "Content-Type": "application/json" };

describe("conformance and json= filters", () => {
  it("filter server-side in one request, live in the address, survive reload and back/forward", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/${binId}`;
    const completed = await sendDelivery(echoUrl, {
      headers: json,
      body: JSON.stringify(buildTestAnalysis()),
    });
    const broken = await sendDelivery(echoUrl, {
      headers: json,
      body: JSON.stringify({ ...buildTestAnalysis(), created: "yesterday" }),
    });
    const failed = await sendDelivery(echoUrl, {
      headers: json,
      body: JSON.stringify(buildTestAnalysis({ status: "failed" })),
    });
    // Other JSON: no schema applies (neither valid nor invalid), but json= can match it.
    const order = await sendDelivery(echoUrl, {
      headers: json,
      body: '{"status":"failed","order":7}',
    });
    const text = await sendDelivery(echoUrl, { body: "status=failed" });
    const all = [text, order, failed, broken, completed];

    const page = await newPage(suite.browser);
    const view = `${suite.server.baseUrl}/view/${binId}`;
    await page.goto(view);
    await expectList(page, all);
    await waitForText(page, '[data-testid="live-status"]', ["Live"]);

    // One list request carries the filter; the server decides.
    const listRequest = page.waitForRequest(
      (request) =>
        request.url().includes(`/api/bins/${binId}/deliveries?`) &&
        request.url().includes("conformance=invalid"),
    );
    await page.getByTestId("filter-conformance").selectOption("invalid");
    await listRequest;
    await expectList(page, [broken]);
    // The address is written just after the list changes: poll it, do not race it.
    await expect.poll(() => new URL(page.url()).searchParams.get("conformance")).toBe("invalid");
    await page.getByTestId("filter-conformance").selectOption("valid");
    await expectList(page, [failed, completed]);
    await page.getByTestId("filter-conformance").selectOption("");
    await expectList(page, all);

    // Refused by the API's own schema: a message, no chip, nothing sent or put in the address.
    await page.getByTestId("filter-json").fill("status");
    await page.getByTestId("filter-json").press("Enter");
    await waitForText(page, '[data-testid="filter-json-error"]', ["<dot.path>=<value>"]);
    expect(await page.getByTestId("filter-json").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("filter-json-chip").count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.has("json")).toBe(false);
    await page.getByTestId("filter-json").fill("a..b=1");
    await page.getByTestId("filter-json-add").click();
    await waitForText(page, '[data-testid="filter-json-error"]', ["must not be empty"]);

    await page.getByTestId("filter-json").fill("status=failed");
    await page.getByTestId("filter-json").press("Enter");
    await expectList(page, [order, failed]);
    expect(await page.getByTestId("filter-json-error").count()).toBe(0);
    await waitForText(page, '[data-testid="filter-json-chip"]', ["status=failed"]);
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll("json"))
      .toEqual(["status=failed"]);

    // Both together: a failed analysis that conforms.
    await page.getByTestId("filter-conformance").selectOption("valid");
    await expectList(page, [failed]);
    await expect
      .poll(() => {
        const both = new URL(page.url()).searchParams;
        return [both.getAll("json"), both.get("conformance")];
      })
      .toEqual([["status=failed"], "valid"]);

    await page.reload();
    await expectList(page, [failed]);
    expect(await page.getByTestId("filter-conformance").inputValue()).toBe("valid");
    await waitForText(page, '[data-testid="filter-json-chip"]', ["status=failed"]);

    // After the reload Next re-reads the page (RSC) on going back, and its navigation writes the
    // address it went to once that read is in: let it land before the address changes again, or
    // it lands after the next click (how soon depends on the machine, and on the hop through
    // the front process).
    const serverReads = new Set<Request>();
    page.on("request", (request) => request.url().includes("_rsc=") && serverReads.add(request));
    page.on("requestfinished", (request) => serverReads.delete(request));
    page.on("requestfailed", (request) => serverReads.delete(request));
    await page.goBack();
    await expectList(page, [order, failed]);
    expect(await page.getByTestId("filter-conformance").inputValue()).toBe("");
    await expect.poll(() => serverReads.size, { timeout: 10_000 }).toBe(0);
    await page.goForward();
    await expectList(page, [failed]);
    await expect.poll(() => serverReads.size, { timeout: 10_000 }).toBe(0);

    // A chip's remove button drops its parameter.
    await page.getByRole("button", { name: "Remove JSON filter status=failed" }).click();
    await expectList(page, [failed, completed]);
    await expect.poll(() => new URL(page.url()).searchParams.has("json")).toBe(false);

    // A hand-edited link with a json= entry the API would refuse opens the list without it.
    await page.goto(`${view}?json=${encodeURIComponent("a..b=1")}&json=status%3Dfailed`);
    await expectList(page, [order, failed]);
    expect(await page.getByTestId("filter-json-chip").count()).toBe(1);
    await page.context().close();
  });
});
