// U+0000, or a surrogate without its other half: PostgreSQL's text refuses the first (22021),
// jsonb refuses both (22P05, 22P02), and UTF-8 cannot encode the second at all (the driver
// would silently send U+FFFD instead).
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a refusal says of text that fails isStorableText, after naming the field. */
export const UNSTORABLE_TEXT_MESSAGE = "must not contain U+0000 or a lone surrogate";

/**
 * Whether PostgreSQL can store this text exactly, in a text column or as a jsonb string (or
 * key). Request text that fails it is refused as bad input before it reaches a query.
 */
export function isStorableText({ text }: { text: string }): boolean {
  return !UNSTORABLE.test(text);
}
