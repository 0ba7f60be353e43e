// CallCov treats any 2xx as delivered (guide, "Step 1": "Respond with 200-299 status code").
export function isSuccessStatus({ status }: { status: number | null }): boolean {
  return status !== null && status >= 200 && status <= 299;
}
