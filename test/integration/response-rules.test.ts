import { describe, expect, it } from "vitest";
import { simulatedFailureSchema } from "@/lib/payload/simulated-failure-schema";
import { setupTestServer, type CreatedBin } from "@/test/support/setup-test-server";

const suite = setupTestServer();

async function configure(bin: CreatedBin, settings: unknown): Promise<void> {
  const response = await suite.putSettings(bin.id, settings, bin.ownerToken);
  if (response.status !== 200)
    throw new Error(`settings: ${response.status} ${await response.text()}`);
}

function capture(
  bin: CreatedBin,
  {
    path = "",
    method = "POST",
    headers = {},
    body,
  }: {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<Response> {
  return fetch(`${suite.server.baseUrl}/echo/${bin.id}${path}`, { method, headers, body });
}

/** What was recorded for the delivery an answer carried the id of. */
async function recorded(bin: CreatedBin, answer: Response) {
  const id = answer.headers.get("x-delivery-id");
  expect(id).toBeTruthy();
  const detail = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`);
  expect(detail.status).toBe(200);
  return (await detail.json()) as { responseStatus: number; response: Record<string, unknown> };
}

const RULES = [
  { when: { method: "GET" }, response: { status: 201, body: "by method" } },
  { when: { path: "/webhooks/*" }, response: { status: 202, body: "by path" } },
  {
    when: { header: { name: "x-event", contains: "paid" } },
    response: { status: 203, body: "by header", headers: { "X-Rule": "3" } },
  },
  {
    when: { json: { path: "$.data.kind", equals: "refund" } },
    response: { status: 409, body: '{"nope":1}', contentType: "application/json" },
  },
  { when: { path: "/slow" }, response: { status: 200, body: "late", delayMs: 300 } },
  { when: { path: "/fails" }, response: { status: 422 } },
];

describe("response rules", () => {
  it("answers the first matching rule across method, path, header and JSON, and records which", async () => {
    const bin = await createConfigured({ rules: RULES, response: { status: 299 } });
    const cases: Array<[Parameters<typeof capture>[1], number, string, number | null]> = [
      // GET to a webhooks path: rule 1 wins over rule 2 (first match).
      [{ method: "GET", path: "/webhooks/a" }, 201, "by method", 1],
      [{ path: "/webhooks/a" }, 202, "by path", 2],
      [{ path: "/x", headers: { "X-Event": "invoice.paid" } }, 203, "by header", 3],
      [
        { body: '{"data":{"kind":"refund"}}', headers: { "Content-Type": "application/json" } },
        409,
        '{"nope":1}',
        4,
      ],
      // The JSON condition needs a JSON body: text that merely contains the words does not match.
      [{ body: "data.kind=refund" }, 299, "", null],
      // No rule matches: the bin's response settings answer.
      [{ path: "/webhooks/a/b" }, 299, "", null],
    ];
    for (const [request, status, body, rule] of cases) {
      const answer = await capture(bin, request);
      expect(answer.status, JSON.stringify(request)).toBe(status);
      const text = await answer.text();
      if (body) expect(text).toBe(body);
      const { responseStatus, response } = await recorded(bin, answer);
      expect(responseStatus).toBe(status);
      expect(response).toMatchObject(
        rule === null ? { reason: "settings" } : { reason: "rule", rule },
      );
    }
    const byHeader = await capture(bin, { headers: { "X-Event": "paid" } });
    expect(byHeader.headers.get("x-rule")).toBe("3");
  });

  it("honours a rule's delayMs and records it", async () => {
    const bin = await createConfigured({ rules: RULES });
    const answer = await capture(bin, { path: "/slow" });
    expect(await answer.text()).toBe("late");
    expect((await recorded(bin, answer)).response).toMatchObject({
      reason: "rule",
      rule: 5,
      delayMs: 300,
    });
  });

  it("answers a rule's failure without a body with the SimulatedFailure body", async () => {
    const bin = await createConfigured({ rules: RULES });
    const answer = await capture(bin, { path: "/fails" });
    expect(answer.status).toBe(422);
    const failure = simulatedFailureSchema.parse(await answer.json());
    expect(failure).toMatchObject({ reason: "rule", rule: 6, status: 422 });
  });

  it("does not parse JSON bodies over 1 MiB for rules (stored, answered by the fallback)", async () => {
    const bin = await createConfigured({ rules: RULES });
    const padding = "x".repeat(1024 * 1024);
    const body = JSON.stringify({ data: { kind: "refund" }, padding });
    const answer = await capture(bin, { body, headers: { "Content-Type": "application/json" } });
    expect(answer.status).toBe(200);
    expect((await recorded(bin, answer)).response).toMatchObject({ reason: "default" });
  });

  it("a rule wins over the /status/<code> path", async () => {
    const bin = await createConfigured({
      rules: [{ when: { path: "/status/**" }, response: { status: 204 } }],
    });
    const answer = await capture(bin, { path: "/status/500" });
    expect(answer.status).toBe(204);
  });
});

describe("chaos and gone", () => {
  it("failureRate 1 fails every capture with a listed status, Retry-After on 429/503, all stored", async () => {
    const statuses = [500, 503, 429];
    const bin = await createConfigured({
      chaos: { failureRate: 1, statuses, retryAfterSeconds: 11 },
      rules: [{ response: { status: 200, body: "never" } }],
    });
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const answer = await capture(bin, { body: `n${i}` });
      expect(statuses).toContain(answer.status);
      seen.add(answer.status);
      const retryAfter = answer.headers.get("retry-after");
      expect(retryAfter).toBe(answer.status === 500 ? null : "11");
      expect(simulatedFailureSchema.parse(await answer.json()).reason).toBe("chaos");
      const { response } = await recorded(bin, answer);
      expect(response).toMatchObject({ reason: "chaos", status: answer.status });
    }
    // 30 draws over three statuses: all three turn up (odds of missing one ≈ 3·(2/3)^30 < 1e-4).
    expect(seen.size).toBe(3);
    const { rows } = await suite.db.query("SELECT id FROM deliveries WHERE bin_id = $1", [bin.id]);
    expect(rows).toHaveLength(30);
  });

  it("failureRate 0 fails none", async () => {
    const bin = await createConfigured({ chaos: { failureRate: 0, statuses: [500] } });
    for (let i = 0; i < 10; i++) {
      const answer = await capture(bin, { body: `n${i}` });
      expect(answer.status).toBe(200);
      expect((await recorded(bin, answer)).response).toMatchObject({ reason: "default" });
    }
  });

  it("gone answers 410 to everything (over fail-first and the status path) and stores it", async () => {
    const bin = await createConfigured({ gone: true, failFirst: { count: 3, status: 503 } });
    const answer = await capture(bin, { path: "/status/200", body: "still kept" });
    expect(answer.status).toBe(410);
    expect(simulatedFailureSchema.parse(await answer.json())).toMatchObject({ reason: "gone" });
    expect((await recorded(bin, answer)).response).toMatchObject({ reason: "gone", status: 410 });
    await configure(bin, { gone: false });
    expect((await capture(bin)).status).toBe(503);
  });

  it("GET /api/bins/<id> and the settings answer show rules, chaos and gone to viewers", async () => {
    const bin = await createConfigured({
      rules: RULES.slice(0, 1),
      chaos: { failureRate: 0.5 },
      gone: true,
    });
    const view = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(view).toMatchObject({
      rules: [{ when: { method: "GET" }, response: { status: 201 } }],
      chaos: { failureRate: 0.5, statuses: [500, 503, 429], retryAfterSeconds: 5 },
      gone: true,
    });
    const reset = await suite.putSettings(
      bin.id,
      { rules: null, chaos: null, gone: null },
      bin.ownerToken,
    );
    expect(await reset.json()).toMatchObject({ rules: [], chaos: null, gone: false });
  });
});

describe("who may set them, and what is refused", () => {
  it("only the owner: anonymous 401, another owner 403, nothing changed", async () => {
    const bin = await suite.createBin();
    const other = await suite.createBin();
    for (const settings of [{ gone: true }, { chaos: { failureRate: 1 } }, { rules: RULES }]) {
      expect((await suite.putSettings(bin.id, settings)).status).toBe(401);
      expect((await suite.putSettings(bin.id, settings, other.ownerToken)).status).toBe(403);
    }
    expect((await capture(bin)).status).toBe(200);
  });

  it.each([
    [{ rules: [{ when: { path: "no-slash" }, response: {} }] }, "path must start with /"],
    [{ rules: [{ when: { regex: "(a+)+$" }, response: {} }] }, "regex"],
    [{ rules: [{ response: { headers: { "Set-Cookie": "a=b" } } }] }, "Set-Cookie cannot be set"],
    [{ rules: [{ response: { status: 100 } }] }, "status"],
    [{ rules: "all" }, "rules"],
    [{ chaos: { failureRate: 2 } }, "failureRate"],
    [{ chaos: { failureRate: 0.5, statuses: [] } }, "statuses"],
    [{ chaos: { failureRate: 0.5, statuses: [302] } }, "statuses"],
    [{ gone: 1 }, "gone"],
  ])("refuses %j with a 400 that says why", async (settings, mention) => {
    const bin = await suite.createBin();
    const answer = await suite.putSettings(bin.id, settings, bin.ownerToken);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain(mention);
  });

  it("refuses a list of more than 50 rules, and a list too large in total", async () => {
    const bin = await suite.createBin();
    const many = Array.from({ length: 51 }, () => ({ response: {} }));
    expect((await suite.putSettings(bin.id, { rules: many }, bin.ownerToken)).status).toBe(400);
    const fat = Array.from({ length: 50 }, () => ({ response: { body: "x".repeat(10_000) } }));
    const refused = await suite.putSettings(bin.id, { rules: fat }, bin.ownerToken);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("at most 131072");
  });

  it("50 hostile globs (catastrophic as regexes) cannot stall captures", async () => {
    const hostile = Array.from({ length: 49 }, (_, i) => ({
      when: { path: `/${"*a".repeat(48)}${i}/**/${"*a*".repeat(20)}b` },
      response: { status: 500 },
    }));
    const bin = await createConfigured({
      rules: [...hostile, { when: {}, response: { status: 207 } }],
    });
    const longPath = `/${"a".repeat(2000)}/${"a/".repeat(2000)}c`;
    // The rate limit allows these few; each answers by the catch-all rule, none by a hostile one.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => capture(bin, { path: longPath, body: "x" })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(207);
      expect((await recorded(bin, answer)).response).toMatchObject({ reason: "rule", rule: 50 });
    }
  });
});

async function createConfigured(settings: unknown): Promise<CreatedBin> {
  const bin = await suite.createBin();
  await configure(bin, settings);
  return bin;
}
