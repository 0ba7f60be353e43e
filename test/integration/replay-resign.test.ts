import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sign as octokitSign, verify as octokitVerify } from "@octokit/webhooks-methods";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignatureScheme } from "@/lib/signatures/signature-result";
import { HOP_BY_HOP_HEADERS } from "@/lib/payload/hop-by-hop-headers";
import { runNodeProcess } from "@/test/support/run-node-process";
import { setupTestServer, type CreatedBin } from "@/test/support/setup-test-server";
import { startWebhookReceiver, type ReceivedRequest } from "@/test/support/start-webhook-receiver";
import { validateWebhook } from "@/test/support/validate-webhook";

const CLI = path.resolve(import.meta.dirname, "..", "..", "scripts", "webhook-echo.mjs");
// A Standard Webhooks secret is whsec_<base64>; every other scheme keys with its UTF-8 bytes.
const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
const SIGN_LIMIT = 40;
// The captured signatures are an hour old: timestamped schemes reject them on replay.
const STALE = Math.floor(Date.now() / 1000) - 3600;
const stripe = new Stripe("sk_test_replay");

const context = setupTestServer({
  resetEachTest: false,
  env: {
    RATE_LIMIT_SIGN_PER_MINUTE: String(SIGN_LIMIT),
    MAX_BODY_BYTES: String(64 * 1024),
    // X-Forwarded-For then names the client: the limits per address can be told apart.
    TRUST_PROXY: "true",
  },
});
const cleanups: Array<() => unknown> = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let tmp: string;
let owned: CreatedBin;
let unsecured: CreatedBin;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  cleanups.push(receiver.close);
  tmp = await mkdtemp(path.join(os.tmpdir(), "replay-resign-"));
  cleanups.push(() => rm(tmp, { recursive: true, force: true }));
  owned = await context.createBin();
  expect(
    (await context.putSettings(owned.id, { webhookSecret: SECRET }, owned.ownerToken)).status,
  ).toBe(200);
  unsecured = await context.createBin();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function headerOf(request: ReceivedRequest, name: string): string {
  return request.headerPairs.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? "";
}

/** How each scheme's sender signs (official signers where a package has one), an hour ago. */
const SENDERS: Record<SignatureScheme, (body: string) => Promise<Record<string, string>>> = {
  callcov: async (body) => ({
    "X-CallCov-Signature": createHmac("sha256", SECRET).update(body).digest("hex"),
  }),
  github: async (body) => ({
    "X-GitHub-Event": "push",
    "X-Hub-Signature-256": await octokitSign(SECRET, body),
  }),
  stripe: async (body) => ({
    "Stripe-Signature": stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: SECRET,
      timestamp: STALE,
    }),
  }),
  "standard-webhooks": async (body) => ({
    "webhook-id": "msg_original",
    "webhook-timestamp": String(STALE),
    "webhook-signature": new Webhook(SECRET).sign("msg_original", new Date(STALE * 1000), body),
  }),
  shopify: async (body) => ({
    "X-Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
  }),
  slack: async (body) => ({
    "X-Slack-Request-Timestamp": String(STALE),
    "X-Slack-Signature": `v0=${createHmac("sha256", SECRET).update(`v0:${STALE}:${body}`).digest("hex")}`,
  }),
};

/** Each receiver's real check: the official library, or the provider's documented recipe. */
const VERIFIERS: Record<SignatureScheme, (request: ReceivedRequest) => Promise<boolean>> = {
  callcov: async (request) => validateWebhook(request, SECRET),
  github: (request) =>
    octokitVerify(SECRET, request.body.toString("utf8"), headerOf(request, "X-Hub-Signature-256")),
  stripe: async (request) => {
    try {
      stripe.webhooks.constructEvent(request.body, headerOf(request, "Stripe-Signature"), SECRET);
      return true;
    } catch {
      return false;
    }
  },
  "standard-webhooks": async (request) => {
    try {
      new Webhook(SECRET).verify(request.body.toString("utf8"), {
        "webhook-id": headerOf(request, "webhook-id"),
        "webhook-timestamp": headerOf(request, "webhook-timestamp"),
        "webhook-signature": headerOf(request, "webhook-signature"),
      });
      return true;
    } catch {
      return false;
    }
  },
  // shopify.dev "Verify a webhook": base64 HMAC-SHA256 of the raw body, compared in constant time.
  shopify: async (request) => {
    const expected = Buffer.from(
      createHmac("sha256", SECRET).update(request.body).digest("base64"),
    );
    const received = Buffer.from(headerOf(request, "X-Shopify-Hmac-Sha256"));
    return received.length === expected.length && timingSafeEqual(received, expected);
  },
  // api.slack.com "Verifying requests from Slack": at most 5 minutes old, v0=hex HMAC of
  // "v0:<timestamp>:<body>".
  slack: async (request) => {
    const timestamp = Number(headerOf(request, "X-Slack-Request-Timestamp"));
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return false;
    const expected = Buffer.from(
      `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:`).update(request.body).digest("hex")}`,
    );
    const received = Buffer.from(headerOf(request, "X-Slack-Signature"));
    return received.length === expected.length && timingSafeEqual(received, expected);
  },
};

async function capture(
  bin: CreatedBin,
  subpath: string,
  body: string,
  headers: Record<string, string>,
): Promise<string> {
  const response = await fetch(`${context.server.baseUrl}/echo/${bin.id}${subpath}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
  await response.arrayBuffer();
  const id = response.headers.get("x-delivery-id");
  if (!id) throw new Error(`capture answered ${response.status} without a delivery id`);
  return id;
}

const viewUrl = (bin: CreatedBin, deliveryId: string) =>
  `${context.server.baseUrl}/view/${bin.id}/${deliveryId}`;

/** Runs the real CLI and returns what the receiver got from it (null: nothing arrived). */
async function replay(args: string[]) {
  const before = receiver.requests.length;
  const result = await runNodeProcess({ args: [CLI, "replay", ...args] });
  return {
    ...result,
    received: receiver.requests[before] ?? null,
    count: receiver.requests.length - before,
  };
}

async function bodyFile(name: string, content: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, content);
  return file;
}

const signUrl = (bin: CreatedBin, deliveryId: string) =>
  `${context.server.baseUrl}/api/bins/${bin.id}/deliveries/${deliveryId}/sign`;

describe("webhook-echo replay", () => {
  it("re-sends byte-exact by default: method, subpath and query, headers in order, body", async () => {
    const body = '{"id":"an_1",  "status":"completed"}\n';
    const id = await capture(owned, "/webhooks/analysis?attempt=1&x=%20y", body, {
      "X-Trace": "a",
      "x-trace": "b",
      ...(await SENDERS.callcov(body)),
    });
    const run = await replay([viewUrl(owned, id), "--to", `${receiver.url}/local?env=dev`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("-> 200");
    expect(run.count).toBe(1);
    const got = run.received!;
    expect(got.method).toBe("POST");
    expect(got.url).toBe("/local/webhooks/analysis?env=dev&attempt=1&x=%20y");
    expect(got.body.toString("utf8")).toBe(body);
    const detail = (await (
      await fetch(`${context.server.baseUrl}/api/bins/${owned.id}/deliveries/${id}`)
    ).json()) as { headers: Array<[string, string]> };
    const endToEnd = (pairs: Array<[string, string]>) =>
      pairs.filter(
        ([name]) => !HOP_BY_HOP_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== "host",
      );
    expect(endToEnd(got.headerPairs)).toEqual(endToEnd(detail.headers));
    expect(validateWebhook(got, SECRET)).toBe(true);
  });

  it("applies --body-file, --set-header and --remove-header (and --no-subpath)", async () => {
    const id = await capture(owned, "/webhooks/analysis?q=1&q=2", '{"a":1}', {
      "X-Trace": "a",
      "x-trace": "b",
      "X-Keep": "k",
    });
    const file = await bodyFile("edited.json", '{"a":2,"edited":true}');
    const run = await replay([
      `${context.server.baseUrl}/api/bins/${owned.id}/deliveries/${id}`,
      "--to",
      `${receiver.url}/only`,
      "--no-subpath",
      "--body-file",
      file,
      "--set-header",
      "X-Env: staging",
      "--set-header",
      "Content-Type: application/vnd.test+json",
      "--remove-header",
      "x-trace",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const got = run.received!;
    // --no-subpath: --to exactly as given, without the delivery's subpath or query.
    expect(got.url).toBe("/only");
    expect(got.body.toString()).toBe('{"a":2,"edited":true}');
    expect(got.headers["content-length"]).toBe(String(got.body.length));
    expect(got.headers["x-env"]).toBe("staging");
    expect(got.headers["content-type"]).toBe("application/vnd.test+json");
    expect(got.headers["x-keep"]).toBe("k");
    expect(got.headerPairs.some(([name]) => name.toLowerCase() === "x-trace")).toBe(false);
  });

  for (const scheme of Object.keys(SENDERS) as SignatureScheme[]) {
    it(`${scheme}: --resign makes the official check accept an edited body; unsigned it is rejected`, async () => {
      const original = `{"type":"${scheme}.event","n":1}`;
      const id = await capture(
        owned,
        `/hooks/${scheme}`,
        original,
        await SENDERS[scheme](original),
      );
      const file = await bodyFile(
        `${scheme}.json`,
        `{"type":"${scheme}.event","n":2,"edited":true}`,
      );

      const unsigned = await replay([
        viewUrl(owned, id),
        "--to",
        receiver.url,
        "--body-file",
        file,
      ]);
      expect(unsigned.code, unsigned.stderr).toBe(0);
      expect(await VERIFIERS[scheme](unsigned.received!)).toBe(false);

      const resigned = await replay([
        viewUrl(owned, id),
        "--to",
        receiver.url,
        "--body-file",
        file,
        "--resign",
        "--token",
        owned.ownerToken,
      ]);
      expect(resigned.code, resigned.stderr).toBe(0);
      expect(resigned.stderr).toContain(`re-signed (${scheme},`);
      expect(resigned.received!.body.toString()).toContain('"edited":true');
      expect(await VERIFIERS[scheme](resigned.received!)).toBe(true);
      if (scheme === "standard-webhooks") {
        // The message id is kept: it is the same message delivered again.
        expect(headerOf(resigned.received!, "webhook-id")).toBe("msg_original");
      }

      // The stored body, re-signed without edits, passes too (the timestamp is fresh).
      const stored = await replay([
        viewUrl(owned, id),
        "--to",
        receiver.url,
        "--resign",
        "--token",
        owned.ownerToken,
      ]);
      expect(stored.received!.body.toString()).toBe(original);
      expect(await VERIFIERS[scheme](stored.received!)).toBe(true);
    });
  }

  it("a viewer cannot have anything signed and never sees a signature", async () => {
    const body = '{"planted":true}';
    const id = await capture(owned, "/x", body, await SENDERS.github(body));
    const anonymous = await fetch(signUrl(owned, id), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(anonymous.status).toBe(401);
    const stranger = await context.createBin();
    const wrong = await fetch(signUrl(owned, id), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${stranger.ownerToken}`,
      },
      body: JSON.stringify({ bodyBase64: Buffer.from("forged").toString("base64") }),
    });
    expect(wrong.status).toBe(403);
    const answer = await wrong.text();
    expect(answer).not.toMatch(/sha256=|headers/);
    expect(answer).not.toContain(SECRET);

    const run = await replay([
      viewUrl(owned, id),
      "--to",
      receiver.url,
      "--resign",
      "--token",
      stranger.ownerToken,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/cannot re-sign: Only the bin's owner/);
    expect(run.count).toBe(0);
  });

  it("refuses clearly without a secret or without a signature scheme (exit 3, nothing sent)", async () => {
    const body = '{"a":1}';
    const id = await capture(unsecured, "/x", body, await SENDERS.stripe(body));
    const noSecret = await replay([
      viewUrl(unsecured, id),
      "--to",
      receiver.url,
      "--resign",
      "--token",
      unsecured.ownerToken,
    ]);
    expect(noSecret.code).toBe(3);
    expect(noSecret.stderr).toMatch(
      /cannot re-sign: This bin has no webhook secret; set one in Settings/,
    );
    expect(noSecret.count).toBe(0);

    const plain = await capture(owned, "/x", body, {});
    const response = await fetch(signUrl(owned, plain), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${owned.ownerToken}` },
      body: "{}",
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/no signature header/);
  });

  it("bounds the body: over the JSON limit 413 for the owner, 401 for anyone else; decoded over MAX_BODY_BYTES 413", async () => {
    const body = '{"a":1}';
    const id = await capture(owned, "/x", body, await SENDERS.callcov(body));
    const huge = JSON.stringify({ bodyBase64: "A".repeat(15 * 1024 * 1024) });
    const json = { "Content-Type": "application/json" };
    const anonymous = await fetch(signUrl(owned, id), {
      method: "POST",
      headers: json,
      body: huge,
    });
    expect(anonymous.status).toBe(401);
    const owner = { ...json, Authorization: `Bearer ${owned.ownerToken}` };
    const tooBig = await fetch(signUrl(owned, id), { method: "POST", headers: owner, body: huge });
    expect(tooBig.status).toBe(413);
    const overCapture = await fetch(signUrl(owned, id), {
      method: "POST",
      headers: owner,
      body: JSON.stringify({ bodyBase64: Buffer.alloc(65 * 1024).toString("base64") }),
    });
    expect(overCapture.status).toBe(413);
    const notBase64 = await fetch(signUrl(owned, id), {
      method: "POST",
      headers: owner,
      body: JSON.stringify({ bodyBase64: "not base64!" }),
    });
    expect(notBase64.status).toBe(400);
  });

  it("usage errors exit 2 before anything is sent", async () => {
    const id = "0190e5a0-0000-7000-8000-000000000000";
    for (const args of [
      [viewUrl(owned, id)],
      [viewUrl(owned, id), "--to", receiver.url, "--resign"],
      [viewUrl(owned, id), "--to", receiver.url, "--set-header", "no colon"],
      [`${context.server.baseUrl}/view/${owned.id}`, "--to", receiver.url],
      [viewUrl(owned, id), "--to", "ftp://x"],
      [viewUrl(owned, id), "--to", receiver.url, "--bogus"],
    ]) {
      const run = await replay(args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/^webhook-echo: replay: /);
      expect(run.count).toBe(0);
    }
  });

  it("limits signing per address before the token check and per bin after it (429 with Retry-After)", async () => {
    const body = '{"a":1}';
    const id = await capture(owned, "/x", body, await SENDERS.callcov(body));
    const sign = (address: string, token?: string) =>
      fetch(signUrl(owned, id), {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Forwarded-For": address,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: "{}",
      });
    /** Signs until refused; twice the limit plus one, so a window boundary cannot hide it. */
    const until429 = async (next: (i: number) => Promise<Response>, allowed: number) => {
      for (let i = 0; i <= SIGN_LIMIT * 2; i++) {
        const response = await next(i);
        if (response.status === 429) return response;
        expect(response.status).toBe(allowed);
      }
      return null;
    };
    // A stranger guessing tokens is stopped per address...
    const guessing = await until429(() => sign("10.0.0.1", "guess"), 403);
    expect(guessing?.headers.get("retry-after")).toMatch(/^\d+$/);
    // ...without spending the owner's budget for the bin.
    expect((await sign("10.0.0.2", owned.ownerToken)).status).toBe(200);
    // The owner from ever new addresses still meets the per-bin limit.
    const perBin = await until429((i) => sign(`10.0.1.${i}`, owned.ownerToken), 200);
    expect(((await perBin!.json()) as { message: string }).message).toMatch(/for this bin/);
  });
});
