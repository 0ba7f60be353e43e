import { apiUrl } from "@/components/common/api-url";
import { isDeliverySummary } from "@/components/view/is-delivery-summary";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { describeFailedResponse } from "@/components/common/describe-failed-response";
import type { ListFilter } from "@/lib/payload/list-filter";

/** One page of the list as its query cache holds it, newest first; `nextCursor` null on the last. */
export interface CachedDeliveryPage {
  deliveries: ListedDelivery[];
  nextCursor: string | null;
  /**
   * On a list's first page: the live log's newest id when the page was requested. Live rows
   * after it that the list does not show were hidden by its filter.
   */
  liveMark?: string | null;
}

export const DELIVERY_PAGE_SIZE = 50;
// Older pages load while scrolling: bigger pages mean fewer round trips to the end of a big
// bin (10,000 deliveries: 50 requests instead of 200); the API allows up to 200.
const OLDER_PAGE_SIZE = 200;

interface FetchDeliveryPageOptions {
  binId: string;
  filter: ListFilter;
  /** Cursor of the previous page; null for the newest page. */
  before: string | null;
  signal?: AbortSignal;
}

/** GET one page of the bin's (filtered) deliveries; throws the server's message on failure. */
export async function fetchDeliveryPage({
  binId,
  filter,
  before,
  signal,
}: FetchDeliveryPageOptions): Promise<CachedDeliveryPage> {
  const response = await fetch(
    apiUrl.deliveries(binId, {
      filter,
      before,
      limit: before === null ? DELIVERY_PAGE_SIZE : OLDER_PAGE_SIZE,
    }),
    { credentials: "same-origin", signal },
  );
  if (!response.ok) throw new Error(await describeFailedResponse(response));
  const page: unknown = await response.json();
  const record = (page ?? {}) as { deliveries?: unknown; nextCursor?: unknown };
  return {
    deliveries: Array.isArray(record.deliveries) ? record.deliveries.filter(isDeliverySummary) : [],
    nextCursor: typeof record.nextCursor === "string" ? record.nextCursor : null,
  };
}
