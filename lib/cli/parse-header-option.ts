import { CliError } from "@/lib/cli/cli-error";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A `--set-header "Name: value"` as [name, value]; a malformed one is a usage error. */
export function parseHeaderOption({ value }: { value: string }): [string, string] {
  const separator = value.indexOf(":");
  const name = separator === -1 ? "" : value.slice(0, separator).trim();
  if (!TOKEN.test(name)) {
    throw new CliError(`replay: --set-header expects "Name: value", got "${value}"`, 2);
  }
  const headerValue = value.slice(separator + 1).trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000\r\n]/.test(headerValue)) {
    throw new CliError(`replay: the value of --set-header "${name}" has a control character`, 2);
  }
  return [name, headerValue];
}
