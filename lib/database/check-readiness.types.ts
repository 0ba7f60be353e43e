import { z } from "zod";

// GET /api/ready

export const readinessSchema = z.object({
  ready: z.boolean(),
  database: z.enum(["ok", "unreachable"]),
  pendingMigrations: z.array(z.string()),
});

export type Readiness = z.infer<typeof readinessSchema>;
