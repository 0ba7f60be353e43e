import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "@/lib/cli/cli-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParseCommandArgsOptions<T extends Options> {
  command: string;
  argv: string[];
  options: T;
}

/** node:util parseArgs, strict, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends Options>({
  command,
  argv,
  options,
}: ParseCommandArgsOptions<T>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    const reason =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown
        ? `unknown option ${unknown}`
        : message.split(". ")[0];
    throw new CliError(`${command}: ${reason} (see webhook-echo ${command} --help)`, 2);
  }
}
