import type { ListFilter } from "@/lib/payload/list-filter";

/** No filter: the whole bin. */
export const EMPTY_FILTER: ListFilter = {
  method: "",
  path: "",
  header: "",
  body: "",
  signature: "",
  conformance: "",
  json: [],
};
