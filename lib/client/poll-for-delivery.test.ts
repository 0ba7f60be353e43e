import { describe, expect, it } from "vitest";
import { pollForDelivery } from "@/lib/client/poll-for-delivery";
import { buildDeliverySummary } from "@/test/support/build-delivery-summary";

const BIN = "bin";
const NEWEST = "019ad000-0000-7000-8000-00000000000a";
const FOUND = buildDeliverySummary({
  id: "019ad000-0000-7000-8000-00000000000b",
  binId: BIN,
  receivedAt: "2026-12-01T05:00:00.000Z",
  signature: { scheme: null, status: "missing", reason: "no signature header" },
});

/**
 * A scripted server: answers each request with the next of `answers` and advances a fake
 * clock by the wait's own timeout on a 204 (the server held it that long).
 */
function scripted(answers: Array<() => Response>) {
  let clock = 0;
  const urls: URL[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    urls.push(url);
    const answer = answers.shift()!();
    if (answer.status === 204) clock += Number(url.searchParams.get("timeout")) * 1000;
    return answer;
  }) as typeof globalThis.fetch;
  return { fetch, urls, now: () => clock, tick: (ms: number) => (clock += ms) };
}

const page = (ids: string[]) => () =>
  Response.json({ deliveries: ids.map((id) => ({ ...FOUND, id })), nextCursor: null });
const none = () => new Response(null, { status: 204 });
const found = () => Response.json({ delivery: FOUND });

describe("pollForDelivery", () => {
  it("pins now to the newest id, then long-polls from that same cursor past 60 s", async () => {
    const server = scripted([page([NEWEST]), none, none, found]);
    const delivery = await pollForDelivery({
      ...server,
      server: "http://echo.test",
      binId: BIN,
      timeoutMs: 150_000,
      match: { status: "completed" },
      method: "POST",
    });
    expect(delivery.id).toBe(FOUND.id);
    const waits = server.urls.slice(1);
    expect(waits.map((url) => url.pathname)).toEqual(
      Array(3).fill(`/api/bins/${BIN}/deliveries/wait`),
    );
    expect(waits.map((url) => url.searchParams.get("after"))).toEqual([NEWEST, NEWEST, NEWEST]);
    expect(waits.map((url) => url.searchParams.get("timeout"))).toEqual(["60", "60", "30"]);
    expect(waits[0]!.searchParams.getAll("json")).toEqual(['status="completed"']);
    expect(waits[0]!.searchParams.get("method")).toBe("POST");
  });

  it("throws code timeout once the total time has passed", async () => {
    const server = scripted([none, none]);
    await expect(
      pollForDelivery({
        ...server,
        server: "http://echo.test",
        binId: BIN,
        timeoutMs: 61_000,
        after: "start",
      }),
    ).rejects.toMatchObject({ code: "timeout", message: expect.stringContaining("within 61 s") });
    expect(server.urls.map((url) => url.searchParams.get("after"))).toEqual([
      "00000000-0000-0000-0000-000000000000",
      "00000000-0000-0000-0000-000000000000",
    ]);
  });

  it("retries a 429 after its Retry-After, and passes other errors on", async () => {
    const limited = () =>
      Response.json(
        { error: "rate_limited", message: "Too many" },
        { status: 429, headers: { "Retry-After": "0.01" } },
      );
    const server = scripted([limited, found]);
    await expect(
      pollForDelivery({ ...server, server: "http://echo.test", binId: BIN, after: NEWEST }),
    ).resolves.toMatchObject({ id: FOUND.id });
    const missing = scripted([
      () => Response.json({ error: "not_found", message: "Bin bin not found" }, { status: 404 }),
    ]);
    await expect(
      pollForDelivery({ ...missing, server: "http://echo.test", binId: BIN, after: NEWEST }),
    ).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("refuses an answer that does not match the documented schema", async () => {
    const server = scripted([() => Response.json({ delivery: { id: "nope" } })]);
    await expect(
      pollForDelivery({ ...server, server: "http://echo.test", binId: BIN, after: NEWEST }),
    ).rejects.toMatchObject({ code: "bad_response" });
  });
});
