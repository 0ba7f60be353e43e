import { z } from "zod";

/** PUT /api/bins/<id>/settings: every key optional; unknown keys are refused. */
export const binSettingsSchema = z.strictObject({
  webhookSecret: z
    .string()
    .min(1, "webhookSecret must not be empty (use null to remove it)")
    .max(1024)
    .nullable()
    .optional(),
});

export type BinSettingsInput = z.infer<typeof binSettingsSchema>;
