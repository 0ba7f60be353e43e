import { parseArgs } from "node:util";
import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";

/** The options a command takes, by kind (minimist style): `--name value`, `--flag`, repeatable `--name value`. */
export interface CommandOptions<S extends string, B extends string, L extends string> {
  string?: readonly S[];
  boolean?: readonly B[];
  list?: readonly L[];
}

type ParseArgsOptions<S extends string, B extends string, L extends string> = {
  [K in S]: { type: "string" };
} & { [K in B]: { type: "boolean" } } & { [K in L]: { type: "string"; multiple: true } };

function toParseArgsOptions<S extends string, B extends string, L extends string>(
  options: CommandOptions<S, B, L>,
): ParseArgsOptions<S, B, L> {
  return Object.fromEntries([
    ...(options.string ?? []).map((name) => [name, { type: "string" }]),
    ...(options.boolean ?? []).map((name) => [name, { type: "boolean" }]),
    ...(options.list ?? []).map((name) => [name, { type: "string", multiple: true }]),
  ]) as ParseArgsOptions<S, B, L>;
}

/** Every command takes --help / -h; it is added here so no command can forget it. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

export interface ParseCommandArgsOptions<S extends string, B extends string, L extends string> {
  command: string;
  argv: string[];
  options: CommandOptions<S, B, L>;
  /** Printed to stdout for --help / -h. */
  help: string;
  io: CliIo;
  /** What the one positional argument is ("one URL"), or null when the command takes none. */
  positional: string | null;
}

/**
 * node:util parseArgs, strict, with its errors turned into usage errors (exit 2), the help
 * printed (then null: the command returns 0) and the positional argument checked.
 */
export function parseCommandArgs<
  S extends string = never,
  B extends string = never,
  L extends string = never,
>({ command, argv, options, help, io, positional }: ParseCommandArgsOptions<S, B, L>) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...toParseArgsOptions(options), ...HELP_OPTION },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    // Ids and tokens made before ids avoided a leading dash can still start with one.
    const dashWord = argv.find((arg) => /^-[^-]./.test(arg));
    const hint = dashWord
      ? `; an id that starts with "-" goes after "--" (webhook-echo ${command} [options] -- ${dashWord}), a token as --token=${dashWord}`
      : "";
    const reason =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown
        ? `unknown option ${unknown}${hint}`
        : message.split(". ")[0];
    throw new CliError(`${command}: ${reason} (see webhook-echo ${command} --help)`, 2);
  }
  const { values, positionals } = parsed;
  if ((values as { help?: boolean }).help) {
    io.out(help);
    return null;
  }
  if (positional === null && positionals.length > 0) {
    throw new CliError(`${command}: takes no arguments, got "${positionals[0]}" (see --help)`, 2);
  }
  if (positional !== null && positionals.length !== 1) {
    throw new CliError(`${command}: expects ${positional} (see --help)`, 2);
  }
  return { values, argument: positionals[0] ?? "" };
}
