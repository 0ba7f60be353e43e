import { createHmac } from "node:crypto";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import {
  newPage,
  openOwnedBin,
  shownDeliveryId,
  rowSelector,
  sendDelivery,
  waitForText,
} from "@/test/e2e/support";

const suite = setupBrowserSuite();

const SECRET = "whsec_e2e-Sup3r-secret-value";

function sign(body: string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

const badge = (page: Page, id: string) =>
  page.locator(`${rowSelector(id)} [data-testid="signature-badge"]`);

async function waitForBadge(page: Page, id: string, status: string) {
  await page.waitForFunction(
    ({ selector, status }) =>
      document.querySelector(selector)?.getAttribute("data-status") === status,
    { selector: `${rowSelector(id)} [data-testid="signature-badge"]`, status },
    { timeout: 10_000 },
  );
}

describe("signatures", () => {
  it("owner sets a secret; signed and tampered deliveries are judged live; viewers check privately", async () => {
    // The creating browser owns the bin.
    const { page: owner, binId, echoUrl } = await openOwnedBin(suite);
    expect(await owner.getByTestId("claim-bin").count()).toBe(0);

    await owner.getByTestId("open-settings").click();
    await owner.getByTestId("owner-settings").waitFor();
    expect(await owner.getByTestId("secret-status").innerText()).toBe("No secret");
    expect(await owner.getByTestId("secret-input").getAttribute("type")).toBe("password");
    await owner.getByTestId("secret-input").fill(SECRET);
    await owner.getByTestId("secret-save").click();
    await waitForText(owner, '[data-testid="secret-status"]', ["Secret set"]);
    // Write-only: the field is emptied and the secret is nowhere in the page.
    expect(await owner.getByTestId("secret-input").inputValue()).toBe("");
    expect(await owner.content()).not.toContain(SECRET);
    await owner.getByTestId("owner-settings-close").click();
    await waitForText(owner, '[data-testid="live-status"]', ["Live"]);

    const body = JSON.stringify({ id: "an_sig", object: "analysis", status: "completed" });
    const tampered = body.replace("completed", "failed");
    const valid = await sendDelivery(echoUrl, {
      path: "/webhooks/callcov",
      headers: { "Content-Type": "application/json", "X-CallCov-Signature": sign(body) },
      body,
    });
    const invalid = await sendDelivery(echoUrl, {
      path: "/webhooks/callcov",
      headers: { "Content-Type": "application/json", "X-CallCov-Signature": sign(body) },
      body: tampered,
    });
    const unsigned = await sendDelivery(echoUrl, { path: "/plain", body: "hello" });
    await waitForBadge(owner, valid, "valid");
    await waitForBadge(owner, invalid, "invalid");
    await waitForBadge(owner, unsigned, "missing");
    expect(await badge(owner, valid).innerText()).toContain("CallCov ✓");
    expect(await badge(owner, invalid).innerText()).toContain("CallCov ✗");

    // The owner sees what was received and what was expected.
    await owner.locator(rowSelector(invalid)).click();
    const ownerDetail = `[data-testid="delivery-detail"][data-delivery-id="${invalid}"] [data-testid="signature-owner-detail"]`;
    await waitForText(owner, ownerDetail, ["X-CallCov-Signature", sign(body), sign(tampered)]);
    expect(
      await owner.locator('[data-testid="signature-verdict"]').getAttribute("data-status"),
    ).toBe("invalid");
    await owner.getByTestId("signature-section").scrollIntoViewIfNeeded();
    await owner.screenshot({ path: path.join(screenshotDir, "view-signature-owner-light.png") });

    // A viewer (no cookie) sees the verdicts, but no settings, no secret, no expected value.
    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${binId}/${invalid}`);
    await waitForBadge(viewer, valid, "valid");
    await waitForBadge(viewer, invalid, "invalid");
    await viewer.getByTestId("signature-verdict").waitFor();
    expect(await viewer.getByTestId("signature-owner-detail").count()).toBe(0);
    expect(await viewer.getByTestId("open-settings").count()).toBe(0);
    expect(await viewer.getByTestId("owner-settings").count()).toBe(0);
    expect(await viewer.getByTestId("secret-input").count()).toBe(0);
    // Owned by someone else: nothing to claim either.
    expect(await viewer.getByTestId("claim-bin").count()).toBe(0);
    const html = await viewer.content();
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(sign(tampered));

    // "Check with my secret" runs in the browser: any request made meanwhile fails the test.
    await viewer.locator(rowSelector(valid)).click();
    await viewer.locator(`[data-testid="delivery-detail"][data-delivery-id="${valid}"]`).waitFor();
    const requests: string[] = [];
    await viewer.route("**/*", async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await viewer.getByTestId("check-secret-input").fill(SECRET);
    await viewer.getByTestId("check-secret-submit").click();
    await viewer.locator('[data-testid="check-secret-result"][data-status="valid"]').waitFor();
    await waitForText(viewer, '[data-testid="check-secret-result"]', ["CallCov ✓"]);
    // The pasted secret is forgotten once checked.
    expect(await viewer.getByTestId("check-secret-input").inputValue()).toBe("");
    await viewer.getByTestId("check-secret-input").fill("not-the-secret");
    await viewer.getByTestId("check-secret-submit").click();
    await viewer.locator('[data-testid="check-secret-result"][data-status="invalid"]').waitFor();
    expect(requests).toEqual([]);
    await viewer.unroute("**/*");
    // Beside it, the server's own verdict.
    expect(
      await viewer.locator('[data-testid="signature-verdict"]').getAttribute("data-status"),
    ).toBe("valid");

    // Removing the secret re-judges the list for the owner.
    await owner.getByTestId("open-settings").click();
    await owner.getByTestId("secret-remove").click();
    await waitForText(owner, '[data-testid="secret-status"]', ["No secret"]);
    await owner.getByTestId("owner-settings-close").click();
    await waitForBadge(owner, valid, "no_secret");
    await waitForBadge(owner, invalid, "no_secret");
    await owner.context().close();
    await viewer.context().close();
  });

  // Issue 12: the bin's secret signs samples only for its owner (no signing oracle).
  it("signs the owner's samples; a viewer's go out unsigned and the view says why", async () => {
    const { page: owner, binId } = await openOwnedBin(suite);
    await owner.getByTestId("open-settings").click();
    await owner.getByTestId("secret-input").fill(SECRET);
    await owner.getByTestId("secret-save").click();
    await waitForText(owner, '[data-testid="secret-status"]', ["Secret set"]);
    await owner.getByTestId("owner-settings-close").click();
    await waitForText(owner, '[data-testid="live-status"]', ["Live"]);

    await owner.getByTestId("send-sample").click();
    const signed = await shownDeliveryId(owner, null);
    await waitForBadge(owner, signed, "valid");
    await owner.getByTestId("send-sample-menu").click();
    expect(await owner.getByTestId("send-sample-unsigned-note").count()).toBe(0);
    await owner.keyboard.press("Escape");

    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${binId}`);
    await viewer.locator(rowSelector(signed)).waitFor();
    await viewer.getByTestId("send-sample-menu").click();
    await waitForText(viewer, '[data-testid="send-sample-unsigned-note"]', [
      "only the bin's owner can have samples signed",
    ]);
    await viewer.getByTestId("send-sample-duplicate").click();
    const unsigned = await shownDeliveryId(viewer, signed);
    await waitForText(viewer, '[data-testid="send-sample-result"]', ["Sent unsigned"]);
    await waitForBadge(viewer, unsigned, "missing");
    await waitForBadge(owner, unsigned, "missing");
    await viewer.screenshot({ path: path.join(screenshotDir, "view-sample-unsigned-viewer.png") });
    await owner.context().close();
    await viewer.context().close();
  });

  it("lets anyone claim a bin nobody owns, which brings up the owner's controls", async () => {
    const echoUrl = `${suite.server.baseUrl}/echo/e2e-claim`;
    const id = await sendDelivery(echoUrl, { body: "first" });
    const page = await newPage(suite.browser);
    await page.goto(`${suite.server.baseUrl}/view/e2e-claim`);
    await page.locator(rowSelector(id)).waitFor();
    expect(await page.getByTestId("open-settings").count()).toBe(0);
    await page.getByTestId("claim-bin").click();
    await page.getByTestId("open-settings").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("claim-bin").count()).toBe(0);
    expect(
      (await page.context().cookies()).some((cookie) => cookie.name === "we_owner_e2e-claim"),
    ).toBe(true);
    // The owner can now delete deliveries.
    await page.getByTestId("delete-delivery").waitFor();

    // Someone else now sees an owned bin: no claim button.
    const other = await newPage(suite.browser);
    await other.goto(`${suite.server.baseUrl}/view/e2e-claim`);
    await other.locator(rowSelector(id)).waitFor();
    expect(await other.getByTestId("claim-bin").count()).toBe(0);
    expect(await other.getByTestId("delete-delivery").count()).toBe(0);
    await page.context().close();
    await other.context().close();
  });
});
