import { describe, expect, it } from "vitest";
import { isStatementTimeout } from "@/lib/database/is-statement-timeout";

// The shape Prisma 7 with @prisma/adapter-pg throws for a raw query PostgreSQL canceled.
const canceled = Object.assign(new Error("Raw query failed. Code: `57014`."), {
  code: "P2010",
  meta: { driverAdapterError: { cause: { kind: "postgres", code: "57014" } } },
});

describe("isStatementTimeout", () => {
  it.each([
    [canceled, true],
    [
      Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { code: "22021" } } } }),
      false,
    ],
    [new Error("canceling statement due to statement timeout"), false],
    [null, false],
    ["57014", false],
  ])("%#", (error, expected) => {
    expect(isStatementTimeout(error)).toBe(expected);
  });
});
