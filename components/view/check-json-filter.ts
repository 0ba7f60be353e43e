import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";

const jsonFilterSchema = deliveryFilterSchema.pick({ json: true });

export type CheckJsonFilterResult = { ok: true } | { ok: false; message: string };

/**
 * Checks json= entries with the list API's own zod schema before they are sent, so a bad entry
 * shows a message beside the input instead of a failed list request.
 */
export function checkJsonFilter({ entries }: { entries: string[] }): CheckJsonFilterResult {
  if (entries.length === 0) return { ok: true };
  const result = jsonFilterSchema.safeParse({ json: entries });
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  return {
    ok: false,
    message:
      issue?.code === "too_big" && issue.path.length === 1
        ? "At most 10 JSON filters"
        : (issue?.message ?? "Not a JSON filter"),
  };
}
