import net from "node:net";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { PrismaClientKnownRequestError } from "@prisma/client/runtime/client";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseOutage } from "@/lib/database/is-database-outage";
import { isRowDataError } from "@/lib/database/is-row-data-error";

// Errors as Prisma 7 + @prisma/adapter-pg + pg 8 deliver them (shapes measured against a real
// PostgreSQL: closed port, pg_terminate_backend, a cut TCP proxy, statement_timeout).
const viaPrisma = (code: string, cause: Record<string, unknown>) =>
  new PrismaClientKnownRequestError("Invalid invocation", {
    code,
    clientVersion: "7.10.1",
    meta: { driverAdapterError: new DriverAdapterError(cause as never) },
  });
const postgres = (state: string, severity = "ERROR") =>
  viaPrisma("P2010", {
    kind: "postgres",
    code: state,
    originalCode: state,
    originalMessage: "x",
    severity,
  });
const pgError = (state: string) => {
  const error = new pg.DatabaseError("from the server", 0, "error");
  error.code = state;
  return error;
};
// The error node itself raises for a refused connection (errno, syscall, address, port).
const refused = () =>
  new Promise<Error>((resolve) =>
    net.connect(1, "127.0.0.1").on("error", (error) => resolve(error)),
  );
// pg and pg-pool raise connection loss without a code; Prisma only adds clientVersion.
const codeless = (message: string) =>
  Object.assign(new Error(message), { clientVersion: "7.10.1" });

describe("isDatabaseOutage", () => {
  it.each<[string, unknown]>([
    [
      "P1001 closed port (model query)",
      viaPrisma("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }),
    ],
    [
      "P2010 closed port (raw query)",
      viaPrisma("P2010", { kind: "DatabaseNotReachable", port: 1 }),
    ],
    ["adapter ConnectionClosed (ECONNRESET)", viaPrisma("P2010", { kind: "ConnectionClosed" })],
    ["adapter SocketTimeout", viaPrisma("P2010", { kind: "SocketTimeout" })],
    [
      "53300 too many connections",
      viaPrisma("P2037", { kind: "TooManyConnections", originalCode: "53300" }),
    ],
    ["57P01 admin shutdown (pg_terminate_backend)", postgres("57P01", "FATAL")],
    ["57P03 cannot connect now (starting up)", postgres("57P03", "FATAL")],
    ["08006 connection failure", postgres("08006")],
    ["53100 disk full", postgres("53100")],
    ["57014 statement timeout", postgres("57014")],
    [
      "40001 serialization failure",
      viaPrisma("P2034", { kind: "TransactionWriteConflict", originalCode: "40001" }),
    ],
    ["25006 read-only standby after failover", postgres("25006")],
    ["pg DatabaseError 57P02 directly", pgError("57P02")],
    [
      "pg: Connection terminated unexpectedly (TCP cut mid-query)",
      codeless("Connection terminated unexpectedly"),
    ],
    [
      "pg-pool: timeout exceeded when trying to connect",
      codeless("timeout exceeded when trying to connect"),
    ],
    [
      "pg-pool: connection timeout wrapping a cause",
      new Error("Connection terminated due to connection timeout", {
        cause: new Error("timeout expired"),
      }),
    ],
    [
      "PrismaClientInitializationError-like errorCode P1001",
      Object.assign(new Error("init"), { errorCode: "P1001" }),
    ],
  ])("outage: %s", (_name, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it("outage: node's own ECONNREFUSED", async () => {
    expect(isDatabaseOutage(await refused())).toBe(true);
  });

  it.each<[string, unknown]>([
    ["a plain bug", new TypeError("Cannot read properties of undefined (reading 'status')")],
    ["a bug whose message mentions a connection", new Error("connect the dots: Connection failed")],
    ["a bug whose message mentions a timeout", new Error("timeout must be a number")],
    ["42601 syntax error (our SQL is wrong)", postgres("42601")],
    [
      "42P01 table missing (not migrated)",
      viaPrisma("P2021", { kind: "TableDoesNotExist", originalCode: "42P01" }),
    ],
    [
      "22P02 row data error",
      viaPrisma("P2010", { kind: "InvalidInputValue", originalCode: "22P02" }),
    ],
    [
      "23505 unique violation",
      viaPrisma("P2002", { kind: "UniqueConstraintViolation", originalCode: "23505" }),
    ],
    [
      "P2025 record not found",
      new PrismaClientKnownRequestError("missing", { code: "P2025", clientVersion: "7.10.1" }),
    ],
    [
      "a decryption failure",
      Object.assign(new Error("Unsupported state or unable to authenticate data"), {
        code: "ERR_CRYPTO_INVALID_AUTH_TAG",
      }),
    ],
    ["not an error", "ECONNREFUSED"],
    ["null", null],
  ])("not an outage: %s", (_name, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });

  it("a data error is a row data error, not an outage, and the other way round", () => {
    const data = viaPrisma("P2010", { kind: "InvalidInputValue", originalCode: "22021" });
    expect([isRowDataError(data), isDatabaseOutage(data)]).toEqual([true, false]);
    const down = postgres("57P01", "FATAL");
    expect([isRowDataError(down), isDatabaseOutage(down)]).toEqual([false, true]);
  });
});
