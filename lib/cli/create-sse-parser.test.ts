import { describe, expect, it } from "vitest";
import { createSseParser, type SseEvent } from "@/lib/cli/create-sse-parser";

function parse(chunks: Array<string | Uint8Array>) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = createSseParser({
    onEvent: (event) => events.push(event),
    onRetry: (ms) => retries.push(ms),
    onComment: (text) => comments.push(text),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { events, retries, comments };
}

const STREAM =
  'retry: 2000\nevent: ready\ndata: {"binId":"b"}\n\n' +
  ": ping 2026-01-01T00:00:00.000Z\n\n" +
  'id: 0190-a\nevent: delivery\ndata: {"id":"0190-a"}\n\n' +
  "data: first line\ndata: second line\ndata\n\n";

const EXPECTED: SseEvent[] = [
  { event: "ready", data: '{"binId":"b"}', lastEventId: "" },
  { event: "delivery", data: '{"id":"0190-a"}', lastEventId: "0190-a" },
  { event: "message", data: "first line\nsecond line\n", lastEventId: "0190-a" },
];

describe("createSseParser", () => {
  it("parses events, multi-line data, comments and retry", () => {
    const result = parse([STREAM]);
    expect(result.events).toEqual(EXPECTED);
    expect(result.retries).toEqual([2000]);
    expect(result.comments).toEqual(["ping 2026-01-01T00:00:00.000Z"]);
  });

  it("treats CRLF, CR and LF line ends alike", () => {
    expect(parse([STREAM.replaceAll("\n", "\r\n")]).events).toEqual(EXPECTED);
    expect(parse([STREAM.replaceAll("\n", "\r")]).events).toEqual(EXPECTED);
  });

  it("gives the same events whatever the chunk boundaries, CRLF split included", () => {
    const crlf = STREAM.replaceAll("\n", "\r\n");
    for (const text of [STREAM, crlf]) {
      for (let cut = 0; cut <= text.length; cut++) {
        expect(parse([text.slice(0, cut), text.slice(cut)]).events, `cut ${cut}`).toEqual(EXPECTED);
      }
      expect(parse([...text]).events).toEqual(EXPECTED);
    }
  });

  it("decodes bytes split inside a multi-byte character", () => {
    const bytes = new TextEncoder().encode("data: café ☕ 🎉\n\n");
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { events } = parse([bytes.slice(0, cut), bytes.slice(cut)]);
      expect(events).toEqual([{ event: "message", data: "café ☕ 🎉", lastEventId: "" }]);
    }
  });

  it("follows the spec's field rules", () => {
    const { events, retries } = parse([
      "\uFEFFdata:no space\n\n",
      "data:  two spaces\n\n",
      "id: keep\ndata: a\n\n",
      "id: bad\0id\ndata: b\n\n",
      "id\ndata: c\n\n",
      "retry: 12x\nretry: 500\nunknown: field\nevent: named\n\n",
      "data: d\n\n",
      "data: unterminated",
    ]);
    expect(events).toEqual([
      { event: "message", data: "no space", lastEventId: "" },
      { event: "message", data: " two spaces", lastEventId: "" },
      { event: "message", data: "a", lastEventId: "keep" },
      { event: "message", data: "b", lastEventId: "keep" },
      { event: "message", data: "c", lastEventId: "" },
      { event: "message", data: "d", lastEventId: "" },
    ]);
    // An event without data is not dispatched, and its type does not leak into the next one.
    expect(retries).toEqual([500]);
  });
});
