import { CliError } from "@/lib/cli/cli-error";
import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";

export interface MatchOptions {
  /** The list's filters by name (method, path, header, body, signature, ...). */
  filter: Record<string, string>;
  /** json= matches, "<dot.path>=<value>". */
  match: string[];
}

// Every filter the server's list knows, except json (written json.<path>=<value>).
const FILTER_NAMES = Object.keys(deliveryFilterSchema.shape).filter((name) => name !== "json");

/**
 * Reads `--match` values: `json.<dot.path>=<value>` (repeatable) or `<filter>=<value>` for one
 * of the list's filters (`method=POST`, `path=/hooks`, `header=x-github-event`,
 * `signature=valid`); the dedicated options (--method ...) arrive here as the same pairs.
 */
export function parseMatchOptions({ pairs }: { pairs: string[] }): MatchOptions {
  const filter: Record<string, string> = {};
  const match: string[] = [];
  for (const pair of pairs) {
    if (pair.startsWith("json.")) {
      const rest = pair.slice("json.".length);
      if (!/^[^=]+=/.test(rest)) {
        throw new CliError(`wait: --match ${pair}: expected json.<dot.path>=<value>`, 2);
      }
      match.push(rest);
      continue;
    }
    const equals = pair.indexOf("=");
    const name = equals > 0 ? pair.slice(0, equals) : "";
    if (!FILTER_NAMES.includes(name)) {
      throw new CliError(
        `wait: --match ${pair}: expected json.<dot.path>=<value> or one of ${FILTER_NAMES.map((n) => `${n}=`).join(", ")}`,
        2,
      );
    }
    if (name in filter) throw new CliError(`wait: ${name} is given twice`, 2);
    filter[name] = pair.slice(equals + 1);
  }
  return { filter, match };
}
