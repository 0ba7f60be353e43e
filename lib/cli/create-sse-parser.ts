import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";

export interface SseEvent {
  /** `event:` field; "message" when absent. */
  event: string;
  /** `data:` lines joined with "\n". */
  data: string;
  /** The last event id at dispatch (it persists across events, as in EventSource); "" if none. */
  lastEventId: string;
}

export interface SseParser {
  /** Feeds the next chunk: text or bytes, split anywhere (even inside a line or a character). */
  push: (chunk: string | Uint8Array) => void;
  /** The stream ended: an unterminated event is dropped, as the spec requires. */
  end: () => void;
}

export interface CreateSseParserOptions {
  onEvent: (event: SseEvent) => void;
  /** `retry:` field: the server's reconnection delay in ms. */
  onRetry?: (ms: number) => void;
  /** `:` comment lines (heartbeats), without the colon. */
  onComment?: (text: string) => void;
}

/**
 * A Server-Sent Events parser following the WHATWG "event stream interpretation" rules: LF,
 * CR and CRLF line ends (a CRLF may be split across chunks), multi-line data, comments, and a
 * last-event-id that a NUL-containing id does not overwrite.
 */
export function createSseParser({
  onEvent,
  onRetry,
  onComment,
}: CreateSseParserOptions): SseParser {
  // Lenient (a stream goes on past a bad byte) and BOM-keeping: feed() drops the one BOM the
  // spec allows at the start, and only that one.
  const decoder = createUtf8Decoder({ lenient: true });
  let buffer = "";
  let atStart = true;
  // A chunk that ended in CR: a LF at the start of the next one belongs to the same line end.
  let skipLeadingLf = false;
  let eventType = "";
  let data: string[] = [];
  let lastEventId = "";

  const dispatch = () => {
    if (data.length > 0) {
      onEvent({ event: eventType || "message", data: data.join("\n"), lastEventId });
    }
    eventType = "";
    data = [];
  };

  const processLine = (line: string) => {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return onComment?.(line.slice(1).replace(/^ /, ""));
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventType = value;
    else if (field === "data") data.push(value);
    else if (field === "id") {
      if (!value.includes("\0")) lastEventId = value;
    } else if (field === "retry") {
      if (/^\d+$/.test(value)) onRetry?.(Number(value));
    }
    // Other fields are ignored.
  };

  const feed = (text: string) => {
    if (text === "") return;
    if (atStart) {
      atStart = false;
      if (text.startsWith("\uFEFF")) text = text.slice(1);
    }
    if (skipLeadingLf) {
      skipLeadingLf = false;
      if (text.startsWith("\n")) text = text.slice(1);
    }
    buffer += text;
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const char = buffer[index];
      if (char !== "\n" && char !== "\r") continue;
      processLine(buffer.slice(start, index));
      if (char === "\r") {
        if (index + 1 === buffer.length) skipLeadingLf = true;
        else if (buffer[index + 1] === "\n") index++;
      }
      start = index + 1;
    }
    buffer = buffer.slice(start);
  };

  return {
    push: (chunk) =>
      feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })),
    end: () => {
      feed(decoder.decode());
      buffer = "";
      data = [];
      eventType = "";
    },
  };
}
