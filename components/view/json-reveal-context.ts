import { createContext } from "react";

export interface JsonRevealRequest {
  /** JSON Pointer into the body (how conformance errors name places). */
  pointer: string;
  /** Grows with every request, so asking for the same place twice shows it again. */
  nonce: number;
}

export interface JsonReveal {
  request: JsonRevealRequest | null;
  reveal: (pointer: string) => void;
}

/** Lets the conformance errors of a delivery show their place in its body's JSON tree. */
export const JsonRevealContext = createContext<JsonReveal>({ request: null, reveal: () => {} });
