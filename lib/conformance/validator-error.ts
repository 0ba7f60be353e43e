/** The part of an ajv error a verdict needs (also what the validator worker posts back). */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
