import pg from "pg";
import pgUtils from "pg/lib/utils";
import { encodeBindMessage } from "@/lib/database/encode-bind-message";

export interface NamedStatement {
  name: string;
  text: string;
}

export interface RunNamedStatementOptions {
  pool: pg.Pool;
  statement: NamedStatement;
  values: unknown[];
}

/**
 * `pool.query({ name, text, values })`, without pg copying that config object: given an
 * object, pg clones it property descriptor by property descriptor (`cloneQueryConfig`), which
 * cost ~7-9 µs CPU per statement (20,000 named statements of 107 parameters in a loop: 96-115
 * against 87-105 µs) and showed in capture's CPU profile. A `pg.Query` built from the text is a
 * Submittable that the pool's client runs as it is; the name, set on it before it is sent,
 * makes it a prepared statement as before (parsed once per connection). The pool still
 * releases its client on the query's callback, as for any query. Capture used ~6% less CPU per
 * delivery with it (README, "Capture CPU"). The query is a PiecewiseBindQuery: its Bind
 * message is sized first and written once (pg's serializer grows its buffer by copying, about
 * ten times for a batch of eleven 2 KB captures), and a large body goes to the socket as it is.
 */
export function runNamedStatement<R extends pg.QueryResultRow = pg.QueryResultRow>({
  pool,
  statement,
  values,
}: RunNamedStatementOptions): Promise<pg.QueryResult<R>> {
  const query = new PiecewiseBindQuery(statement.text, values) as pg.Query & { name?: string };
  query.name = statement.name;
  // At run time pool.query(submittable) returns the pool's promise of the result; its types
  // describe only a client's query(submittable), which returns the submittable itself.
  const submitter = pool as unknown as {
    query: (query: pg.Query) => Promise<pg.QueryResult<R>>;
  };
  return submitter.query(query);
}

/** What PiecewiseBindQuery uses of pg's connection and query (pg 8's lib/query.js). */
interface PgConnection {
  stream: { writable: boolean; write: (chunk: Buffer) => boolean };
  submittedNamedStatements: Record<string, string>;
  parse: (query: { text: string; name: string; types: unknown }) => void;
  close: (message: { type: "S"; name: string }) => void;
  describe: (message: { type: "P"; name: string }) => void;
  sync: () => void;
}
interface PgQueryInternals {
  text: string;
  name: string;
  types: unknown;
  values: unknown[];
  rows: unknown;
  hasBeenParsed: (connection: PgConnection) => boolean;
  handleError: (error: unknown, connection: PgConnection) => void;
  _getRows: (connection: PgConnection, rows: unknown) => void;
}

/**
 * A pg.Query whose Bind message is encoded here (encodeBindMessage), in one allocation of its
 * exact size, with a large body as a piece of its own: written to the socket as it is, not
 * copied into the message first, so a body in flight is held once. Otherwise it is pg's own
 * prepare() (parse once per connection, bind, describe, execute, sync): pg corks the socket
 * around it, so the pieces leave in one writev.
 */
class PiecewiseBindQuery extends pg.Query {
  prepare(connection: PgConnection): void {
    const query = this as unknown as PgQueryInternals;
    if (!query.hasBeenParsed(connection)) {
      connection.parse({ text: query.text, name: query.name, types: query.types });
      connection.submittedNamedStatements[query.name] = query.text;
    }
    let pieces: Buffer[];
    try {
      pieces = encodeBindMessage({
        statement: query.name,
        values: query.values.map((value) => pgUtils.prepareValue(value)),
      });
    } catch (error) {
      connection.close({ type: "S", name: query.name });
      connection.sync();
      query.handleError(error, connection);
      return;
    }
    if (connection.stream.writable) for (const piece of pieces) connection.stream.write(piece);
    connection.describe({ type: "P", name: "" });
    query._getRows(connection, query.rows);
  }
}
