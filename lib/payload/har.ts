import type { z } from "zod";
import type {
  harCreatorSchema,
  harEntrySchema,
  harPostDataSchema,
  harSchema,
} from "@/lib/payload/har-schema";

// The HAR types, from the one schema that also documents the export (lib/payload/har-schema.ts).

export type Har = z.infer<typeof harSchema>;
export type HarLog = Har["log"];
export type HarCreator = z.infer<typeof harCreatorSchema>;
export type HarEntry = z.infer<typeof harEntrySchema>;
export type HarRequest = HarEntry["request"];
export type HarResponse = HarEntry["response"];
export type HarNameValue = HarRequest["headers"][number];
export type HarPostData = z.infer<typeof harPostDataSchema>;
export type HarContent = HarResponse["content"];
export type HarTimings = HarEntry["timings"];
