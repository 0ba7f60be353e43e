import type { CapturedRequest } from "@/lib/payload/captured-request";
import { decodeUtf8 } from "@/lib/text/decode-utf8";
import { encodeBase64 } from "@/lib/payload/encode-base64";
import type {
  Har,
  HarCreator,
  HarEntry,
  HarNameValue,
  HarPostData,
  HarResponse,
} from "@/lib/payload/har";
import { parseQueryString } from "@/lib/payload/parse-query-string";

export interface HarEntryInput {
  request: CapturedRequest;
  /** Full URL the request was received on, including the query. */
  url: string;
  /** ISO 8601 timestamp. */
  receivedAt: string;
  response?: {
    status: number;
    headers: ReadonlyArray<readonly [string, string]>;
    body: string;
  };
}

interface BuildHarOptions {
  entries: readonly HarEntryInput[];
  creator: HarCreator;
}

// The capture only records the request line's outcome, not timing or the wire protocol version.
const HTTP_VERSION = "HTTP/1.1";
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** HAR 1.2 export, so deliveries can be opened in browser devtools, Insomnia, Charles, etc. */
export function buildHar({ entries, creator }: BuildHarOptions): Har {
  return { log: { version: "1.2", creator, entries: entries.map(toHarEntry) } };
}

function toHarEntry({ request, url, receivedAt, response }: HarEntryInput): HarEntry {
  return {
    startedDateTime: receivedAt,
    time: 0,
    request: {
      method: request.method,
      url,
      httpVersion: HTTP_VERSION,
      cookies: headerValues(request.headers, "cookie").flatMap(parseCookieHeader),
      headers: toNameValues(request.headers),
      queryString: parseQueryString({ query: request.query }),
      ...(request.body.length > 0 ? { postData: toPostData(request) } : {}),
      headersSize: -1,
      bodySize: request.body.length,
    },
    response: response === undefined ? missingResponse() : toHarResponse(response),
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
}

function toPostData({ body, contentType }: CapturedRequest): HarPostData {
  const mimeType = contentType ?? "";
  const text = decodeUtf8({ bytes: body });
  if (text !== null) return { mimeType, text };
  return { mimeType, text: encodeBase64({ bytes: body }), comment: "base64", _encoding: "base64" };
}

function toHarResponse(response: NonNullable<HarEntryInput["response"]>): HarResponse {
  const size = new TextEncoder().encode(response.body).length;
  return {
    status: response.status,
    statusText: STATUS_TEXT[response.status] ?? "",
    httpVersion: HTTP_VERSION,
    cookies: headerValues(response.headers, "set-cookie").flatMap(parseSetCookieHeader),
    headers: toNameValues(response.headers),
    content: {
      size,
      mimeType: headerValues(response.headers, "content-type")[0] ?? "x-unknown",
      text: response.body,
    },
    redirectURL: headerValues(response.headers, "location")[0] ?? "",
    headersSize: -1,
    bodySize: size,
  };
}

// Same shape browsers use for requests that never got a response.
function missingResponse(): HarResponse {
  return {
    status: 0,
    statusText: "",
    httpVersion: "",
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: "x-unknown" },
    redirectURL: "",
    headersSize: -1,
    bodySize: -1,
  };
}

function toNameValues(headers: ReadonlyArray<readonly [string, string]>): HarNameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function headerValues(headers: ReadonlyArray<readonly [string, string]>, lowerName: string) {
  return headers.filter(([name]) => name.toLowerCase() === lowerName).map(([, value]) => value);
}

function parseCookieHeader(header: string): HarNameValue[] {
  return header
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "")
    .map(splitCookiePair);
}

function parseSetCookieHeader(header: string): HarNameValue[] {
  const pair = header.split(";")[0]?.trim() ?? "";
  return pair === "" ? [] : [splitCookiePair(pair)];
}

function splitCookiePair(pair: string): HarNameValue {
  const equals = pair.indexOf("=");
  if (equals === -1) return { name: "", value: pair };
  return { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim() };
}
