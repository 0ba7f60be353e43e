import { z } from "zod";

// One rule for bin ids everywhere (capture, API, view, home page form, the OpenAPI document).
export const BIN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const binIdSchema = z.string().regex(BIN_ID_PATTERN).meta({
  description: "Bin id: 1-64 of A-Z a-z 0-9 - _ (created ones are 22 random characters).",
});
