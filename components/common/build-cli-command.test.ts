import { describe, expect, it } from "vitest";
import { buildCliCommand } from "@/components/common/build-cli-command";

const T = "/cli/webhook-echo.tgz";

describe("buildCliCommand", () => {
  it("builds the npx one-liner on the given origin", () => {
    expect(
      buildCliCommand({
        origin: "https://echo.example.com",
        tarballPath: "/cli/abc123/webhook-echo.tgz",
        args: [
          "forward",
          "https://echo.example.com/view/abc_DEF-123",
          "--to",
          "http://localhost:3000/webhooks",
        ],
      }),
    ).toBe(
      "npx https://echo.example.com/cli/abc123/webhook-echo.tgz forward https://echo.example.com/view/abc_DEF-123 --to http://localhost:3000/webhooks",
    );
  });

  it("quotes words a shell would expand or split", () => {
    expect(buildCliCommand({ origin: "http://[::1]:3000", tarballPath: T, args: ["create"] })).toBe(
      "npx 'http://[::1]:3000/cli/webhook-echo.tgz' create",
    );
    expect(buildCliCommand({ origin: "http://h", tarballPath: T, args: ["it's $HOME"] })).toBe(
      "npx http://h/cli/webhook-echo.tgz 'it'\\''s $HOME'",
    );
  });
});
