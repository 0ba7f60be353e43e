/** An error the CLI reports as one line (no stack) and exits with: 1 = failed, 2 = usage. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
