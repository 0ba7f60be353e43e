import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";

/** A body that records how many chunks were pulled, so a test can see nothing was read. */
function streamed(chunks: string[]) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[pulled++];
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    },
    // Pull only when read, not ahead.
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

function request(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://x/", { method: "PUT", body, headers, duplex: "half" } as RequestInit);
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error instanceof AppError ? error.code : error;
}

describe("readJsonBody", () => {
  it("parses a body within the limit, whether declared or streamed", async () => {
    const { body } = streamed(['{"a":', "1}"]);
    expect(await readJsonBody({ request: request(body), maxBytes: 7 })).toEqual({ a: 1 });
  });

  it("refuses a declared length over the limit without reading a byte", async () => {
    const { body, pulled } = streamed(["{}"]);
    const over = request(body, { "content-length": "65" });
    expect(await failure(readJsonBody({ request: over, maxBytes: 64 }))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBe(0);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { body, pulled } = streamed(["[1,", "2,", "3,", "4]", "never"]);
    const result = readJsonBody({ request: request(body), maxBytes: 5 });
    expect(await failure(result)).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBeLessThanOrEqual(4);
  });

  it("says 400 for a body that is not JSON", async () => {
    const { body } = streamed(["{"]);
    expect(await failure(readJsonBody({ request: request(body), maxBytes: 64 }))).toBe(
      "BAD_REQUEST",
    );
  });
});
