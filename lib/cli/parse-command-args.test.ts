import { describe, expect, it } from "vitest";
import { CliError } from "@/lib/cli/cli-error";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";

const io = { out: () => {}, err: () => {} };

function parse(argv: string[]) {
  return parseCommandArgs({
    command: "forward",
    argv,
    options: { string: ["to", "token"] },
    help: "help",
    io,
    positional: "one bin id",
  });
}

describe("parseCommandArgs", () => {
  it('takes an id that starts with "-" after "--", and a token as --token=<value>', () => {
    expect(parse(["--to", "http://localhost/", "--token=-tok", "--", "-abcDEF0123456789"])).toEqual(
      { values: { to: "http://localhost/", token: "-tok" }, argument: "-abcDEF0123456789" },
    );
  });

  it("names the way out when a dashed id is read as options (exit 2)", () => {
    let caught: unknown;
    try {
      parse(["-abcDEF0123456789", "--to", "http://localhost/"]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(2);
    expect((caught as Error).message).toBe(
      'forward: unknown option -a; an id that starts with "-" goes after "--" (webhook-echo forward [options] -- -abcDEF0123456789), a token as --token=-abcDEF0123456789 (see webhook-echo forward --help)',
    );
  });
});
