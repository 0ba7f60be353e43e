export interface CreateCoalescedReadsOptions<Row> {
  /** Rows with these ids (of any bins), oldest first. */
  readMany: (ids: string[]) => Promise<Row[]>;
  binOf: (row: Row) => string;
  idOf: (row: Row) => string;
  /** Ids per statement at most; a larger union is read in several. */
  maxIds?: number;
  /** When the gathered requests go out: after the other callbacks of this turn by default. */
  schedule?: (run: () => void) => void;
}

interface Request<Row> {
  binId: string;
  ids: Set<string>;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads by id that arrive in the same turn of the event loop share statements: the live views
 * of many bins, woken by one notification batch, read their new rows in one go instead of one
 * statement per bin. Each caller gets only rows of its own bin among the ids it asked for.
 */
export function createCoalescedReads<Row>({
  readMany,
  binOf,
  idOf,
  maxIds = 1000,
  schedule = (run) => void setImmediate(run),
}: CreateCoalescedReadsOptions<Row>): (options: {
  binId: string;
  ids: string[];
}) => Promise<Row[]> {
  let queued: Array<Request<Row>> = [];

  const flush = () => {
    const requests = queued;
    queued = [];
    // Sorted, so that rows read in several statements still come oldest first (v7 ids).
    const ids = [...new Set(requests.flatMap((request) => [...request.ids]))].sort();
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += maxIds) chunks.push(ids.slice(i, i + maxIds));
    Promise.all(chunks.map(readMany)).then(
      (results) => {
        // Grouped by bin first: each caller then looks only at its own bin's rows, not at
        // every row of the turn (1,000 woken bins would otherwise cost ~1M comparisons).
        const byBin = new Map<string, Row[]>();
        for (const row of results.flat()) {
          const binId = binOf(row);
          const rows = byBin.get(binId);
          if (rows) rows.push(row);
          else byBin.set(binId, [row]);
        }
        for (const request of requests) {
          const rows = byBin.get(request.binId) ?? [];
          request.resolve(rows.filter((row) => request.ids.has(idOf(row))));
        }
      },
      (error: unknown) => requests.forEach((request) => request.reject(error)),
    );
  };

  return ({ binId, ids }) =>
    new Promise<Row[]>((resolve, reject) => {
      if (ids.length === 0) return resolve([]);
      if (queued.length === 0) schedule(flush);
      queued.push({ binId, ids: new Set(ids), resolve, reject });
    });
}
