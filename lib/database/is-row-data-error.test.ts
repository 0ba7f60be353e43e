import { describe, expect, it } from "vitest";
import { isRowDataError } from "@/lib/database/is-row-data-error";

// The shape Prisma 7 gives a raw query refused through @prisma/adapter-pg (as measured).
const prismaError = (originalCode: string) =>
  Object.assign(new Error("Raw query failed."), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode } } },
  });

describe("isRowDataError", () => {
  it.each([
    ["22021 (NUL byte in text)", prismaError("22021"), true],
    ["22P05 (\\u0000 in jsonb)", prismaError("22P05"), true],
    ["22001 (value too long)", prismaError("22001"), true],
    [
      "23505 (unique violation), from pg directly",
      Object.assign(new Error("dup"), { code: "23505" }),
      true,
    ],
    ["08006 (connection failure)", prismaError("08006"), false],
    ["57P01 (admin shutdown)", Object.assign(new Error("terminating"), { code: "57P01" }), false],
    ["53300 (too many connections)", prismaError("53300"), false],
    [
      "ECONNREFUSED",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      false,
    ],
    ["a plain Error", new Error("boom"), false],
    ["not an error", "22021", false],
  ])("%s -> %s", (_name, error, expected) => {
    expect(isRowDataError(error)).toBe(expected);
  });
});
