// Lower-cased words of a snake_case, kebab-case, camelCase or PascalCase key ("APIKey" → api, key).
export function splitKeyWords({ key }: { key: string }): string[] {
  return key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
