import { describe, expect, it } from "vitest";
import { postLocalAnswer } from "@/lib/cli/post-local-answer";

interface Posted {
  url: string;
  body: unknown;
}

function fakeFetch(answers: Array<{ status: number; body: unknown }>) {
  const posted: Posted[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    posted.push({ url, body: JSON.parse(String(init.body)) });
    const next = answers.shift()!;
    return new Response(JSON.stringify(next.body), { status: next.status });
  }) as unknown as typeof fetch;
  return { posted, fetchImpl };
}

const base = {
  api: "http://echo.test/api/bins/b1",
  deliveryId: "0190f0e4-7a4b-7c3d-8e5f-123456789abc",
  headers: { Authorization: "Bearer t" },
  signal: new AbortController().signal,
};

const local = {
  status: 201,
  statusText: "Created",
  headers: {},
  rawHeaders: ["X-A", "1", "x-a", "2"],
  body: Buffer.from([0xff, 0x00]),
};

describe("postLocalAnswer", () => {
  it("posts status, ordered headers and exact bytes, and reports the sender got them", async () => {
    const { posted, fetchImpl } = fakeFetch([
      { status: 200, body: { reason: "forwarded", droppedHeaders: [] } },
    ]);
    const line = await postLocalAnswer({ ...base, answer: { response: local }, fetch: fetchImpl });
    expect(posted).toEqual([
      {
        url: `${base.api}/deliveries/${base.deliveryId}/response`,
        body: {
          status: 201,
          headers: [
            ["X-A", "1"],
            ["x-a", "2"],
          ],
          bodyBase64: "/wA=",
        },
      },
    ]);
    expect(line).toBe("; sender got 201 from the local app");
  });

  it("turns a 413 into an error post so the sender is released now", async () => {
    const { posted, fetchImpl } = fakeFetch([
      { status: 413, body: { message: "at most 4096" } },
      { status: 200, body: { reason: "forward_failed", droppedHeaders: [] } },
    ]);
    const line = await postLocalAnswer({ ...base, answer: { response: local }, fetch: fetchImpl });
    expect(posted[1]!.body).toEqual({
      error: "the local app's answer is too large to pass on: at most 4096",
    });
    expect(line).toBe("; sender got the bin's own answer (forward_failed)");
  });

  it("posts the local app's failure, and says when the answer came too late", async () => {
    const { posted, fetchImpl } = fakeFetch([{ status: 409, body: { message: "not held" } }]);
    const line = await postLocalAnswer({
      ...base,
      answer: { error: "connect ECONNREFUSED" },
      fetch: fetchImpl,
    });
    expect(posted[0]!.body).toEqual({ error: "connect ECONNREFUSED" });
    expect(line).toBe("; too late, sender already answered: not held");
  });
});
