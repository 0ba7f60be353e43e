import { describe, expect, it } from "vitest";
import { CliError } from "@/lib/cli/cli-error";
import { resolveForwardSource } from "@/lib/cli/resolve-forward-source";

const defaultServer = "http://localhost:3000";

/** The exit code of the CliError `run` throws (a bad argument is a usage error: 2). */
function refusal(run: () => unknown): number | null {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error.exitCode;
    throw error;
  }
  return null;
}

describe("resolveForwardSource", () => {
  it("reads view and echo URLs, with or without a delivery id or subpath", () => {
    for (const input of [
      "https://echo.example.com/view/abc_123",
      "https://echo.example.com/view/abc_123/",
      "https://echo.example.com/view/abc_123/0190e5a0-0000-7000-8000-000000000000",
      "https://echo.example.com/echo/abc_123",
      "https://echo.example.com/echo/abc_123/webhooks/analysis?x=1",
    ]) {
      expect(resolveForwardSource({ input, server: undefined, defaultServer }), input).toEqual({
        binId: "abc_123",
        serverUrl: "https://echo.example.com",
      });
    }
  });

  it("keeps a path prefix and a port, and lets --server win", () => {
    expect(
      resolveForwardSource({
        input: "http://127.0.0.1:8080/tools/view/bin-1",
        server: undefined,
        defaultServer,
      }),
    ).toEqual({ binId: "bin-1", serverUrl: "http://127.0.0.1:8080/tools" });
    expect(
      resolveForwardSource({
        input: "http://127.0.0.1:8080/view/bin-1",
        server: "http://127.0.0.1:9999/",
        defaultServer,
      }),
    ).toEqual({ binId: "bin-1", serverUrl: "http://127.0.0.1:9999" });
  });

  it("takes a bare id with --server or the default", () => {
    expect(resolveForwardSource({ input: "bin-1", server: undefined, defaultServer })).toEqual({
      binId: "bin-1",
      serverUrl: "http://localhost:3000",
    });
    expect(
      resolveForwardSource({ input: "bin-1", server: "https://x.test", defaultServer }),
    ).toEqual({ binId: "bin-1", serverUrl: "https://x.test" });
  });

  it("refuses what is neither", () => {
    for (const input of [
      "not a bin!",
      "https://example.com/somewhere/else",
      "https://example.com/view/bad.id",
      "http://[broken",
      "",
    ]) {
      expect(refusal(() => resolveForwardSource({ input, server: undefined, defaultServer }))).toBe(
        2,
      );
    }
    expect(() =>
      resolveForwardSource({ input: "bin-1", server: "ftp://x", defaultServer }),
    ).toThrow(/--server/);
    expect(
      refusal(() => resolveForwardSource({ input: "bin-1", server: "ftp://x", defaultServer })),
    ).toBe(2);
  });
});
