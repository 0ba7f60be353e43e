import { describe, expect, it } from "vitest";
import { CliError } from "@/lib/cli/cli-error";
import { resolveDeliverySource } from "@/lib/cli/resolve-delivery-source";

const ID = "0190e5a0-0000-7000-8000-000000000000";

describe("resolveDeliverySource", () => {
  it("reads a delivery's view URL and API URL, with a path prefix", () => {
    for (const input of [
      `https://echo.example.com/tools/view/abc_123/${ID}`,
      `https://echo.example.com/tools/view/abc_123/${ID}/`,
      `https://echo.example.com/tools/api/bins/abc_123/deliveries/${ID}`,
    ]) {
      expect(resolveDeliverySource({ input, server: undefined }), input).toEqual({
        serverUrl: "https://echo.example.com/tools",
        binId: "abc_123",
        deliveryId: ID,
      });
    }
  });

  it("lets --server win", () => {
    expect(
      resolveDeliverySource({
        input: `https://echo.example.com/view/b/${ID}`,
        server: "http://127.0.0.1:3000",
      }).serverUrl,
    ).toBe("http://127.0.0.1:3000");
  });

  it("refuses a bin URL without a delivery, a bad id and a non-URL as usage errors", () => {
    for (const input of [
      "https://echo.example.com/view/abc_123",
      "https://echo.example.com/view/abc_123/not-an-id",
      "https://echo.example.com/echo/abc_123",
      "abc_123",
    ]) {
      let error: unknown;
      try {
        resolveDeliverySource({ input, server: undefined });
      } catch (caught) {
        error = caught;
      }
      expect(error, input).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode, input).toBe(2);
    }
  });
});
