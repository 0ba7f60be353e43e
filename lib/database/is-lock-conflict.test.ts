import { describe, expect, it } from "vitest";
import { isLockConflict } from "@/lib/database/is-lock-conflict";

// The shape Prisma 7 with @prisma/adapter-pg throws when a raw query fails in PostgreSQL.
const failed = (code: string) =>
  Object.assign(new Error(`Raw query failed. Code: \`${code}\`.`), {
    code: "P2010",
    meta: { driverAdapterError: { cause: { kind: "postgres", code } } },
  });

describe("isLockConflict", () => {
  it.each([
    [failed("55P03"), true],
    [failed("40P01"), true],
    [failed("57014"), false],
    [failed("23503"), false],
    [new Error("deadlock detected"), false],
    [null, false],
    ["40P01", false],
  ])("%#", (error, expected) => {
    expect(isLockConflict(error)).toBe(expected);
  });
});
