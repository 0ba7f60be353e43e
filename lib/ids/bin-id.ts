import { BIN_ID_PATTERN } from "@/lib/ids/bin-id-schema";

export function isValidBinId(value: string): boolean {
  return BIN_ID_PATTERN.test(value);
}
