import { randomBytes } from "node:crypto";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  newPage,
  openOwnedBin,
  rowSelector,
  sendDelivery,
  setWebhookSecret,
  waitForText,
} from "@/test/e2e/support";
import { axeViolations } from "@/test/support/axe-violations";
import { screenshotDir } from "@/test/support/launch-browser";
import { setupBrowserSuite } from "@/test/support/setup-browser-suite";
import {
  startWebhookReceiver,
  type ReceivedRequest,
  type WebhookReceiver,
} from "@/test/support/start-webhook-receiver";

const suite = setupBrowserSuite();
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const stripe = new Stripe("sk_test_replay_edit");
let receiver: WebhookReceiver;

const received = () => receiver.requests.filter((request) => request.method !== "OPTIONS");

/** The receiver's real check: Stripe's own library (signature and a 5-minute tolerance). */
function stripeAccepts(request: ReceivedRequest): boolean {
  try {
    stripe.webhooks.constructEvent(
      request.body,
      String(request.headers["stripe-signature"] ?? ""),
      SECRET,
    );
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver({
    answer: (request) => {
      const cors = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": request.headers["access-control-request-headers"] ?? "*",
        "Access-Control-Max-Age": "0",
      };
      if (request.method === "OPTIONS") return { status: 204, headers: cors };
      const ok = stripeAccepts(request);
      return {
        status: ok ? 200 : 400,
        headers: { ...cors, "Content-Type": "text/plain" },
        body: ok ? "verified" : "bad signature",
      };
    },
  });
});
afterAll(async () => {
  await receiver?.close();
});

describe("replay with edits", () => {
  it("the owner edits the body and headers, re-signs, and the receiver's Stripe check accepts it; a viewer has no re-sign option", async () => {
    const { page, binId, echoUrl } = await openOwnedBin({
      browser: suite.browser,
      server: suite.server,
    });
    // Signed an hour ago: even unchanged it would now be refused as stale.
    const original = '{"id":"evt_1","type":"invoice.paid","amount":100}';
    const id = await sendDelivery(echoUrl, {
      path: "/webhooks/stripe",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": stripe.webhooks.generateTestHeaderString({
          payload: original,
          secret: SECRET,
          timestamp: Math.floor(Date.now() / 1000) - 3600,
        }),
        "X-Trace": "t-1",
      },
      body: original,
    });
    await page.locator(rowSelector(id)).click();
    await page.locator(`[data-testid="delivery-detail"][data-delivery-id="${id}"]`).waitFor();

    const edited = '{"id":"evt_1","type":"invoice.paid","amount":250}';
    await page.getByText("Edit body and headers before sending").click();
    await page.getByLabel("Body to send").fill(edited);
    await page.getByTestId("replay-header-add").click();
    const names = page.getByTestId("replay-header-name");
    await names.last().fill("X-Env");
    await page.getByTestId("replay-header-value").last().fill("staging");
    await page.getByRole("button", { name: "Remove header X-Trace" }).click();
    await page.getByTestId("replay-url").fill(`${receiver.url}/hook`);

    // Before the bin has a secret, re-signing says so and nothing is sent.
    await page.getByLabel(/Re-sign with the bin's secret \(Stripe\)/).check();
    await page.getByTestId("replay-send").click();
    await page.locator('[data-testid="replay-result"][data-status="error"]').waitFor();
    await waitForText(page, '[data-testid="replay-result"]', [
      "Re-signing failed: This bin has no webhook secret",
    ]);
    expect(received()).toHaveLength(0);
    await page.getByLabel(/Re-sign with the bin's secret \(Stripe\)/).uncheck();
    await setWebhookSecret(page, SECRET);
    // The edits survive opening the settings.
    expect(await page.getByLabel("Body to send").inputValue()).toBe(edited);

    // Unsigned, the edited body fails the receiver's check.
    await page.getByTestId("replay-send").click();
    await page.locator('[data-testid="replay-result"][data-http-status="400"]').waitFor();
    expect(stripeAccepts(received().at(-1)!)).toBe(false);

    await page.getByLabel(/Re-sign with the bin's secret \(Stripe\)/).check();
    await waitForText(page, '[data-testid="replay-summary"]', [
      "your edited",
      "re-signed (Stripe)",
    ]);
    await page.getByTestId("replay-send").click();
    await page.locator('[data-testid="replay-result"][data-http-status="200"]').waitFor();
    await waitForText(page, '[data-testid="replay-result"]', ["verified"]);
    const got = received().at(-1)!;
    expect(got.body.toString()).toBe(edited);
    expect(got.headers["x-env"]).toBe("staging");
    expect(got.headers["x-trace"]).toBeUndefined();
    expect(stripeAccepts(got)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, "replay-edit-resigned-owner.png") });
    // The editor and the re-sign option are named and labelled for assistive technology.
    expect(await axeViolations(page, "replay editor (owner)")).toEqual([]);
    await page.context().close();

    // A viewer (no owner cookie) can edit and replay, but is never offered re-signing.
    const viewer = await newPage(suite.browser);
    await viewer.goto(`${suite.server.baseUrl}/view/${binId}/${id}`);
    await viewer.locator(`[data-testid="delivery-detail"][data-delivery-id="${id}"]`).waitFor();
    await viewer.getByTestId("replay-edit").waitFor();
    expect(await viewer.getByTestId("replay-resign").count()).toBe(0);
    await viewer.context().close();
  });
});
