import { type FormField, parseFormUrlencoded } from "@/lib/payload/parse-form-urlencoded";

interface ParseQueryStringOptions {
  /** Raw query without the leading "?"; a further "?" (from "/x??a=1") belongs to the first name. */
  query: string;
}

/** Query parameters for the request table; same rules as form bodies ("+" is a space). */
export function parseQueryString({ query }: ParseQueryStringOptions): FormField[] {
  return parseFormUrlencoded({ text: query });
}
