import { CliError } from "@/lib/cli/cli-error";

export interface ParseHttpUrlOptions {
  value: string;
  /** What the value is for, as the message names it ("forward: --to"). */
  name: string;
}

/** The value as an http(s) URL, or a one-line usage error naming the option it came from. */
export function parseHttpUrl({ value, name }: ParseHttpUrlOptions): URL {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    throw new CliError(`${name} must be an http(s) URL, got "${value}"`, 2);
  }
  return url;
}
