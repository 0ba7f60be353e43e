/**
 * An error the CLI reports as one line (no stack) and exits with: 1 = failed (nothing matched
 * in time, the target did not take it), 2 = usage, 3 = the Webhook Echo server could not be
 * reached or refused (unknown bin, HTTP error, an answer not as documented), so a CI script can
 * tell "the sender never delivered" from "the echo server or bin is wrong".
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
