import { splitHopByHopHeaders } from "@/lib/payload/split-hop-by-hop-headers";
import type { CapturedRequest } from "@/lib/payload/captured-request";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

export interface CurlBodyFile {
  name: string;
  bytes: Uint8Array;
}

export interface CurlCommand {
  command: string;
  /** Set when the body must be saved next to the command (binary or too long for argv). */
  bodyFile: CurlBodyFile | null;
}

interface BuildCurlCommandOptions {
  request: CapturedRequest;
  /** Full target URL including path and query. */
  url: string;
}

const BODY_FILE_NAME = "body.bin";
// Linux rejects a single argv string over 128 KiB (MAX_ARG_STRLEN); stay well below it.
const MAX_INLINE_BODY_BYTES = 64 * 1024;
// Older curl versions send "Expect: 100-continue" above 1 KiB, newer ones above 1 MiB.
const EXPECT_THRESHOLD_BYTES = 1024;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BARE_WORD = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * A curl command that replays the delivery byte-exact: same method, headers in order, same body
 * bytes, and none of curl's own default headers that the original did not have. Every argument is
 * quoted for POSIX shells (bash/zsh for `$'…'`), so captured data cannot inject commands.
 */
export function buildCurlCommand({ request, url }: BuildCurlCommandOptions): CurlCommand {
  const isHead = request.method === "HEAD";
  const lines: string[] = [];

  // curl -X HEAD would wait for a response body that never comes; --head cannot send one either.
  const methodArgs = isHead ? ["--head"] : ["-X", quoteShellWord(request.method)];
  const urlArgs: string[] = [];
  // Without these curl would expand [] {} as globs and squash /../ segments in the path.
  if (/[[\]{}]/.test(url)) urlArgs.push("--globoff");
  if (/^[^?#]*\/\.\.?(?:[/?#]|$)/.test(url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, ""))) {
    urlArgs.push("--path-as-is");
  }
  // A URL starting with "-" would otherwise be parsed as an option.
  if (url.startsWith("-")) urlArgs.push("--url");
  urlArgs.push(quoteShell(url));
  lines.push(["curl", ...methodArgs, ...urlArgs].join(" "));

  const present = new Set(request.headers.map(([name]) => name.toLowerCase()));
  // curl computes the hop-by-hop ones per connection; copying them would break framing.
  for (const [name, value] of splitHopByHopHeaders({ headers: request.headers }).endToEnd) {
    // Such headers cannot be expressed as one curl header line; sending them mangled would lie.
    if (!TOKEN.test(name) || /[\r\n\0]/.test(value)) continue;
    // "Name:" tells curl to delete a header; "Name;" is its syntax for an empty value.
    lines.push(`-H ${quoteShell(value.trim() === "" ? `${name};` : `${name}: ${value}`)}`);
  }

  const body = request.body;
  const sendsBody =
    !isHead &&
    (body.length > 0 || present.has("content-length") || present.has("transfer-encoding"));
  const suppressed = ["user-agent", "accept"];
  if (sendsBody) suppressed.push("content-type");
  if (sendsBody && body.length > EXPECT_THRESHOLD_BYTES) suppressed.push("expect");
  for (const name of suppressed) {
    if (!present.has(name)) lines.push(`-H ${quoteShell(`${canonicalCase(name)}:`)}`);
  }

  let bodyFile: CurlBodyFile | null = null;
  if (sendsBody) {
    const text = decodeUtf8({ bytes: body });
    const quoted = text === null || text.includes("\0") ? null : quoteShell(text);
    if (quoted !== null && new TextEncoder().encode(quoted).length <= MAX_INLINE_BODY_BYTES) {
      // --data-binary would read a file when the body itself starts with "@".
      lines.push(`${text?.startsWith("@") ? "--data-raw" : "--data-binary"} ${quoted}`);
    } else {
      bodyFile = { name: BODY_FILE_NAME, bytes: body.slice() };
      lines.push(`--data-binary @${BODY_FILE_NAME}`);
    }
  }

  return { command: lines.join(" \\\n  "), bodyFile };
}

function canonicalCase(lowerName: string): string {
  return lowerName.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => {
    return dash + letter.toUpperCase();
  });
}

function quoteShellWord(value: string): string {
  return BARE_WORD.test(value) ? value : quoteShell(value);
}

// Newlines are safe inside '…'; other controls (CR, tab, ESC…) get mangled by terminals on paste.
function needsAnsiCQuoting(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

function quoteShell(value: string): string {
  if (!needsAnsiCQuoting(value)) return `'${value.replaceAll("'", `'\\''`)}'`;
  // $'…' keeps control characters visible and paste-safe; two hex digits always, so a following
  // hex-looking character is never swallowed into the escape.
  let quoted = "$'";
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === "\\" || char === "'") quoted += "\\" + char;
    else if (char === "\n") quoted += "\\n";
    else if (char === "\r") quoted += "\\r";
    else if (char === "\t") quoted += "\\t";
    else if (code < 0x20 || code === 0x7f) quoted += "\\x" + code.toString(16).padStart(2, "0");
    else quoted += char;
  }
  return quoted + "'";
}
