/** What a server-made sample's analysis id carries, enough to build the same body again. */
export interface SampleIdParts {
  status: "completed" | "failed";
  /** Unix seconds, the sample's `created`. */
  created: number;
  /** 16 lowercase hex characters, so two samples in one second differ. */
  nonce: string;
}
