// One rule for bin ids everywhere (capture, API, view, home page form).
export const BIN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidBinId(value: string): boolean {
  return BIN_ID_PATTERN.test(value);
}
