import {
  REFUSED_RESPONSE_HEADER_PREFIXES,
  REFUSED_RESPONSE_HEADERS,
} from "@/lib/payload/refused-response-headers";

export const RESPONSE_HEADER_LIMITS = {
  /** Headers per answer. */
  count: 50,
  nameLength: 100,
  valueLength: 2000,
  /** Every "Name: value\r\n" together: proxies in front of the app (nginx: 4–8 KiB for the whole
   * header block by default) refuse answers whose headers do not fit one buffer. */
  totalBytes: 4096,
  contentTypeLength: 200,
} as const;

export interface RefusedResponseHeader {
  /** Where it came from: a key of `headers`, or the `contentType` setting. */
  setting: "headers" | "contentType";
  name: string;
  reason: string;
}

export interface CheckedResponseHeaders {
  /** What may be sent, names as the owner wrote them, without Content-Type. */
  headers: Record<string, string>;
  /** `contentType` merged with a Content-Type given among the headers (one on the wire). */
  contentType: string | null;
  refused: RefusedResponseHeader[];
}

// RFC 9110 token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII, space and tab. Anything else either breaks the answer (Node refuses characters
// over U+00FF) or means something else to each client (obs-text, control characters).
const VALUE = /^[\t\x20-\x7e]*$/;
// Challenges browsers turn into a login dialog shown on the app's origin (phishing).
const LOGIN_PROMPT = /(?:^|,)\s*(?:basic|digest|ntlm|negotiate)(?=[\s,]|$)/i;

function refusalOf(name: string, value: string): string | null {
  if (name.length > RESPONSE_HEADER_LIMITS.nameLength) {
    return `header names are at most ${RESPONSE_HEADER_LIMITS.nameLength} characters`;
  }
  if (!TOKEN.test(name))
    return "header names must be HTTP tokens (letters, digits, - and the like)";
  const lower = name.toLowerCase();
  const reason = REFUSED_RESPONSE_HEADERS.get(lower);
  if (reason) return reason;
  for (const [prefix, why] of REFUSED_RESPONSE_HEADER_PREFIXES) {
    if (lower.startsWith(prefix)) return why;
  }
  if (value.length > RESPONSE_HEADER_LIMITS.valueLength) {
    return `header values are at most ${RESPONSE_HEADER_LIMITS.valueLength} characters`;
  }
  if (!VALUE.test(value)) {
    return "header values may hold only visible ASCII characters, spaces and tabs";
  }
  if (lower === "www-authenticate" && LOGIN_PROMPT.test(value)) {
    return "browsers would show a login prompt on the app's origin (Bearer and other schemes are fine)";
  }
  return null;
}

/**
 * The one rule set for owner-set response headers: saving settings refuses whatever lands in
 * `refused` (400 naming the header), and answering sends only `headers`, so settings stored
 * before a rule existed are neutralised too. Names are case-insensitive with one value each
 * (the first wins when stored settings repeat one); Content-Type among the headers is merged
 * into `contentType` so exactly one goes on the wire.
 */
export function checkResponseHeaders({
  headers,
  contentType,
}: {
  headers?: Readonly<Record<string, string>>;
  contentType?: string | null;
}): CheckedResponseHeaders {
  const refused: RefusedResponseHeader[] = [];
  const kept: Record<string, string> = {};
  const seen = new Map<string, string>();
  let headerContentType: { name: string; value: string } | null = null;
  let totalBytes = 0;
  let count = 0;
  for (const [name, value] of Object.entries(headers ?? {})) {
    const refuse = (reason: string) => refused.push({ setting: "headers", name, reason });
    if (typeof value !== "string") {
      refuse("header values must be strings");
      continue;
    }
    const lower = name.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined) {
      refuse(`${first} is already set: a header name can be set once, in any case`);
      continue;
    }
    seen.set(lower, name);
    const reason = refusalOf(name, value);
    if (reason) {
      refuse(reason);
      continue;
    }
    if (lower === "content-type") {
      headerContentType = { name, value };
      continue;
    }
    const bytes = name.length + value.length + 4;
    if (count + 1 > RESPONSE_HEADER_LIMITS.count) {
      refuse(`at most ${RESPONSE_HEADER_LIMITS.count} headers`);
      continue;
    }
    if (totalBytes + bytes > RESPONSE_HEADER_LIMITS.totalBytes) {
      refuse(`headers are at most ${RESPONSE_HEADER_LIMITS.totalBytes} bytes together`);
      continue;
    }
    count++;
    totalBytes += bytes;
    kept[name] = value;
  }

  let mergedContentType: string | null = null;
  if (contentType !== undefined && contentType !== null) {
    const reason =
      typeof contentType !== "string"
        ? "contentType must be a string"
        : contentType.length > RESPONSE_HEADER_LIMITS.contentTypeLength
          ? `contentType is at most ${RESPONSE_HEADER_LIMITS.contentTypeLength} characters`
          : VALUE.test(contentType)
            ? null
            : "contentType may hold only visible ASCII characters, spaces and tabs";
    if (reason) refused.push({ setting: "contentType", name: "Content-Type", reason });
    else mergedContentType = contentType;
  }
  if (headerContentType) {
    const { name, value } = headerContentType;
    if (value.length > RESPONSE_HEADER_LIMITS.contentTypeLength) {
      refused.push({
        setting: "headers",
        name,
        reason: `Content-Type is at most ${RESPONSE_HEADER_LIMITS.contentTypeLength} characters`,
      });
    } else if (mergedContentType === null) {
      mergedContentType = value;
    } else if (mergedContentType !== value) {
      refused.push({
        setting: "headers",
        name,
        reason: "contentType already sets Content-Type to another value: set it once",
      });
    }
  }
  return { headers: kept, contentType: mergedContentType, refused };
}
