// Lower-cased words of a snake_case, kebab-case, camelCase or PascalCase key ("APIKey" → api, key).
// Every pattern here does constant work per position: the acronym split used to be
// /(\p{Lu}+)(\p{Lu}\p{Ll})/, which backtracked through a whole run of capitals from every
// start position (40,000 capitals took ~2.6 s in a viewer's tab). The lookarounds put the same
// space before the last capital of a run that is followed by a lower-case letter.
export function splitKeyWords({ key }: { key: string }): string[] {
  return key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}
