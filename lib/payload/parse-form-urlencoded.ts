import { decodePercent } from "@/lib/payload/decode-percent";

export interface FormField {
  name: string;
  value: string;
}

interface ParseFormUrlencodedOptions {
  text: string;
}

/** Ordered name/value pairs with duplicates kept; malformed escapes stay literal. Never throws. */
export function parseFormUrlencoded({ text }: ParseFormUrlencodedOptions): FormField[] {
  const fields: FormField[] = [];
  for (const segment of text.split("&")) {
    if (segment === "") continue;
    const equals = segment.indexOf("=");
    const rawName = equals === -1 ? segment : segment.slice(0, equals);
    const rawValue = equals === -1 ? "" : segment.slice(equals + 1);
    fields.push({ name: decodeComponent(rawName), value: decodeComponent(rawValue) });
  }
  return fields;
}

// "+" must become a space before percent-decoding so that an encoded "%2B" survives as "+".
function decodeComponent(raw: string): string {
  return decodePercent({ text: raw.replaceAll("+", " ") });
}
