import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import { createTestDb } from "@/test/support/test-db";
import {
  newPage,
  openOwnedBin,
  rowSelector,
  sendDelivery,
  setFailFirst,
  waitForText,
} from "@/test/e2e/support";

const suite = setupBrowserSuite();
const db = createTestDb(suite.databaseUrl);

afterAll(() => db.close());

const createOwnedBin = () => openOwnedBin(suite);

async function countRows(binId: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>(
    "SELECT count(*) FROM deliveries WHERE bin_id = $1",
    [binId],
  );
  return Number(rows[0]!.count);
}

describe("owner controls", () => {
  it("simulates a response, shows it read-only to viewers, deletes and clears with a confirm step", async () => {
    const { page, binId, echoUrl } = await createOwnedBin();
    await page.getByTestId("open-settings").click();
    const settings = page.getByTestId("owner-settings");
    await settings.waitFor();

    // The response form's fields by test id; saving shows an error or what now answers.
    const fill = async (fields: Record<string, string>) => {
      for (const [testId, value] of Object.entries(fields)) {
        await page.getByTestId(testId).fill(value);
      }
    };
    const save = async (shown: "response-error" | "response-saved", texts: string[]) => {
      await page.getByTestId("response-save").click();
      await waitForText(page, `[data-testid="${shown}"]`, texts);
    };

    // The server's validation message is shown as is.
    await fill({ "response-status": "99" });
    await save("response-error", ["status"]);

    await fill({
      "response-status": "418",
      "response-body": "I'm a teapot",
      "response-content-type": "text/plain; charset=utf-8",
    });
    await page.getByTestId("response-add-header").click();
    // A header that would act on the app's origin: the server's 400 names it.
    await fill({
      "response-header-name": "Location",
      "response-header-value": "https://evil.example/",
    });
    await save("response-error", ["Location cannot be set"]);
    await fill({
      "response-header-name": "X-Tea",
      "response-header-value": "earl-grey",
      "response-delay": "150",
    });
    await save("response-saved", ["Saved", "Answers 418"]);
    await page.screenshot({ path: path.join(screenshotDir, "view-owner-settings-light.png") });
    await page.getByTestId("owner-settings-close").click();
    await waitForText(page, '[data-testid="response-summary"]', [
      "Answers 418 with a custom text/plain; charset=utf-8 body and 1 extra header after 150 ms",
    ]);

    // A sender now gets the simulated answer.
    const started = Date.now();
    const answer = await fetch(`${echoUrl}/hooks`, { method: "POST", body: "ping" });
    expect(answer.status).toBe(418);
    expect(await answer.text()).toBe("I'm a teapot");
    expect(answer.headers.get("x-tea")).toBe("earl-grey");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const first = answer.headers.get("x-delivery-id")!;
    await page.locator(rowSelector(first)).waitFor({ timeout: 10_000 });
    expect(
      await page.locator(`${rowSelector(first)} [data-testid="row-response-status"]`).innerText(),
    ).toContain("418");
    const sent = '[data-testid="sent-response"]';
    await page.locator(`${sent}[data-status="418"]`).waitFor();
    await waitForText(page, sent, ["I'm a teapot", "X-Tea", "earl-grey", "simulated response"]);

    // Fail-first: the first attempt of an analysis gets 503, the next the simulated answer.
    await setFailFirst(page, 1, 503);
    const analysis = JSON.stringify({ id: "an_retry", object: "analysis", status: "completed" });
    const attempt1 = await fetch(`${echoUrl}/webhooks`, { method: "POST", body: analysis });
    expect(attempt1.status).toBe(503);
    const attempt2 = await fetch(`${echoUrl}/webhooks`, { method: "POST", body: analysis });
    expect(attempt2.status).toBe(418);
    const retried = attempt2.headers.get("x-delivery-id")!;
    await page.locator(rowSelector(retried)).waitFor({ timeout: 10_000 });
    expect(
      await page.locator(`${rowSelector(retried)} [data-testid="attempt-chip"]`).innerText(),
    ).toBe("attempt 2");

    // A viewer sees the behaviour read-only and no owner controls.
    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${binId}/${first}`);
    await waitForText(viewer, '[data-testid="response-summary"]', [
      "Answers 418",
      "fails the first attempt of each analysis with 503",
    ]);
    await viewer.locator(`${sent}[data-status="418"]`).waitFor();
    expect(await viewer.getByTestId("bin-limits").innerText()).toMatch(/Kept 7 days · newest/);
    for (const testId of [
      "open-settings",
      "owner-settings",
      "response-settings",
      "delete-delivery",
      "clear-all",
      "claim-bin",
    ]) {
      expect(await viewer.getByTestId(testId).count(), testId).toBe(0);
    }

    // Delete one delivery (after confirming); the list and the database follow.
    await page.locator(rowSelector(first)).click();
    await page.getByTestId("delete-delivery").click();
    await page.getByTestId("confirm-cancel").click();
    expect(await page.locator(rowSelector(first)).count()).toBe(1);
    await page.getByTestId("delete-delivery").click();
    await page.getByTestId("confirm-accept").click();
    await page.locator(rowSelector(first)).waitFor({ state: "detached" });
    expect(await countRows(binId)).toBe(2);
    // The viewer who had it open is told, instead of being left with a delivery that is gone.
    await viewer.getByText("This delivery was deleted.").waitFor({ timeout: 10_000 });

    // Clear all, with a confirm step: the list empties.
    await page.getByTestId("open-settings").click();
    await page.getByTestId("clear-all").click();
    await page.getByTestId("confirm-cancel").click();
    expect(await countRows(binId)).toBe(2);
    await page.getByTestId("clear-all").click();
    await page.getByTestId("confirm-accept").click();
    await page.getByTestId("empty-state").waitFor();
    expect(await page.getByTestId("delivery-row").count()).toBe(0);
    expect(await countRows(binId)).toBe(0);
    expect(page.url()).toBe(`${suite.server.baseUrl}/view/${binId}`);

    // Deleting the bin goes home; its API is gone.
    await page.getByTestId("open-settings").click();
    await page.getByTestId("delete-bin").click();
    await page.getByTestId("confirm-accept").click();
    await page.waitForURL(`${suite.server.baseUrl}/`);
    expect((await fetch(`${suite.server.baseUrl}/api/bins/${binId}`)).status).toBe(404);
    await page.context().close();
    await viewer.context().close();
  });

  it("shows the rate-limit rejections and limits of a bin", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/e2e-limits`;
    await sendDelivery(echoUrl, { body: "x" });
    await db.query("UPDATE bins SET rejected_count = 12 WHERE id = 'e2e-limits'");
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/e2e-limits`);
    await waitForText(page, '[data-testid="rejected-count"]', ["12 rejected"]);
    await waitForText(page, '[data-testid="response-summary"]', [
      "Answers 200 with the default JSON",
    ]);
    await page.context().close();
  });
});
