/** `deliveries_p20261201` for the UTC day starting at `dayStartMs`. */
export function deliveryPartitionName({ dayStartMs }: { dayStartMs: number }): string {
  return `deliveries_p${new Date(dayStartMs).toISOString().slice(0, 10).replaceAll("-", "")}`;
}
