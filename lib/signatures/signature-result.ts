/** Ordered as received, original case; the same name may appear more than once. */
export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

export interface VerifyOptions {
  headers: HeaderPairs;
  body: Uint8Array;
  secret: string | null;
  now: () => Date;
}

export type SignatureScheme =
  "callcov" | "github" | "stripe" | "standard-webhooks" | "shopify" | "slack";

export type SignatureStatus = "valid" | "invalid" | "missing" | "no_secret";

/** Only the bin owner may see this: it carries the expected signature. */
export interface OwnerDetail {
  header: string;
  received: string;
  expected: string;
}

export interface SignatureResult {
  scheme: SignatureScheme | null;
  status: SignatureStatus;
  /** Shown to any viewer, so it never contains the secret or the expected signature. */
  reason: string;
  ownerDetail?: OwnerDetail;
}
