import type { z } from "zod";
import type {
  ownerDetailSchema,
  signatureResultSchema,
  signatureSchemeSchema,
  signatureStatusSchema,
} from "@/lib/signatures/signature-result-schema";

/** Ordered as received, original case; the same name may appear more than once. */
export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

export interface VerifyOptions {
  headers: HeaderPairs;
  body: Uint8Array;
  secret: string | null;
  now: () => Date;
}

export type SignatureScheme = z.infer<typeof signatureSchemeSchema>;

export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

/** Only the bin owner may see this: it carries the expected signature. */
export type OwnerDetail = z.infer<typeof ownerDetailSchema>;

export type SignatureResult = z.infer<typeof signatureResultSchema>;
