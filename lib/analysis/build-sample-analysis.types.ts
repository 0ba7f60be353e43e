import { z } from "zod";

// GET /api/samples/analysis

export const sampleAnalysisQuerySchema = z.object({
  status: z
    .enum(["completed", "failed"])
    .default("completed")
    .meta({ description: "Which kind of analysis." }),
});

/** A CallCov analysis webhook body, as the CallCov sender posts it (documented shape). */
export const analysisPayloadSchema = z
  .object({
    id: z.string(),
    object: z.literal("analysis"),
    created: z.number().int().meta({ description: "Unix seconds." }),
    status: z.enum(["completed", "failed"]),
    call: z.looseObject({ agent_id: z.string().optional(), contact_id: z.string().optional() }),
    audio: z.looseObject({
      url: z.string().optional(),
      duration_seconds: z.number().nullable().optional(),
      format: z.string().optional(),
    }),
    transcript: z
      .looseObject({
        text: z.string().optional(),
        segments: z
          .array(
            z.looseObject({
              speaker: z.string(),
              text: z.string(),
              start: z.number(),
              end: z.number(),
            }),
          )
          .optional(),
      })
      .optional()
      .meta({ description: "Completed analyses only." }),
    results: z
      .looseObject({
        compliance: z.looseObject({}).optional(),
        quality: z.looseObject({}).optional(),
        coaching: z.looseObject({}).optional(),
      })
      .optional()
      .meta({
        description:
          "Completed analyses only; the sections' contents are not documented by CallCov.",
      }),
    error_message: z.string().optional().meta({ description: "Failed analyses only." }),
  })
  .meta({ description: "A CallCov analysis webhook body, as the CallCov sender posts it." });

export type SampleAnalysis = z.infer<typeof analysisPayloadSchema>;
