import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";
import { signatureResultSchema } from "@/lib/signatures/signature-result-schema";
import { conformanceSummarySchema } from "@/lib/conformance/conformance-schema";

// Pure: the browser imports these schemas too (list rows, live events, detail).

/** One row of a bin's list: everything but the headers and the body. */
export const deliverySummarySchema = z.object({
  id: deliveryIdSchema,
  binId: binIdSchema,
  method: z.string().meta({ examples: ["POST"] }),
  path: z.string().meta({
    description: 'Subpath after /echo/<id>, raw (not percent-decoded); "" for none.',
    examples: ["/webhooks/analysis"],
  }),
  query: z.string().meta({ description: 'Raw query string without "?"; "" for none.' }),
  contentType: z.string().nullable(),
  size: z.number().int().min(0).meta({ description: "Body size in bytes." }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: "SHA-256 of the body, hex." }),
  remoteAddress: z.string().nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  analysisId: z
    .string()
    .nullable()
    .meta({ description: "The CallCov analysis id found in the JSON body, if any." }),
  responseStatus: z.number().int().nullable().meta({
    description: "The status the echo endpoint answered (simulated responses included).",
  }),
  analysisStatus: z
    .string()
    .nullable()
    .meta({
      description:
        'The CallCov analysis status ("completed", "failed", ...) read at capture; null when the body is not an analysis or was captured before this field existed.',
      examples: ["completed"],
    }),
  analysisAgent: z
    .string()
    .nullable()
    .meta({
      description: "The analysis's call.agent_id read at capture, if any.",
      examples: ["agent_001"],
    }),
});

/** The decorations every reader gets: the signature verdict, retry numbering, conformance. */
export const deliveryDecorationsShape = {
  signature: signatureResultSchema,
  attempt: z.number().int().min(1).meta({
    description: "1-based position among this bin's deliveries of the same analysis id.",
  }),
  isDuplicate: z.boolean().meta({
    description: "An earlier delivery of the same analysis was already answered 2xx.",
  }),
  conformance: conformanceSummarySchema,
  summaryField: z
    .object({
      path: z.string().meta({ description: "The bin's summaryField setting (a dot path)." }),
      value: z.string().meta({ description: "The value at that path, as text (shortened)." }),
    })
    .nullable()
    .meta({
      description:
        "For JSON bodies that are not analyses: the value at the bin's summaryField, when set and present.",
    }),
};

/** A list row as the list API, the live events and the server render send it. */
export const listedDeliverySchema = deliverySummarySchema
  .extend(deliveryDecorationsShape)
  .meta({ description: "One row of a bin's list: everything but the headers and the body." });

/** Request headers as [name, value] pairs: wire order, original case, duplicates kept. */
export const headerPairsSchema = z.array(z.tuple([z.string(), z.string()])).meta({
  description:
    "Request headers as [name, value] pairs: wire order, original case, duplicates kept.",
});

export type DeliverySummary = z.infer<typeof deliverySummarySchema>;

/** A stored delivery in full, before decoration (the stored answer is read back as is). */
export type StoredDelivery = DeliverySummary & {
  headers: Array<[string, string]>;
  bodyBase64: string;
  /** The body as text when it is valid UTF-8, else null. */
  bodyText: string | null;
  /** The answer our endpoint sent (simulated responses included), or null for old rows. */
  response: unknown;
};
