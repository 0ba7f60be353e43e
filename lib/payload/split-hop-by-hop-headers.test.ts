import { describe, expect, it } from "vitest";
import { splitHopByHopHeaders } from "@/lib/payload/split-hop-by-hop-headers";

describe("splitHopByHopHeaders", () => {
  it("keeps end-to-end headers in order with case and duplicates, drops hop-by-hop ones", () => {
    const { endToEnd, hopByHop } = splitHopByHopHeaders({
      headers: [
        ["Host", "example.com"],
        ["X-A", "1"],
        ["Connection", "keep-alive, X-Private"],
        ["content-length", "3"],
        ["x-a", "2"],
        ["X-Private", "secret-ish"],
        ["Transfer-Encoding", "chunked"],
        ["TE", "trailers"],
        ["X-CallCov-Signature", "abc"],
      ],
    });
    expect(endToEnd).toEqual([
      ["X-A", "1"],
      ["x-a", "2"],
      ["X-CallCov-Signature", "abc"],
    ]);
    expect(hopByHop.map(([name]) => name)).toEqual([
      "Host",
      "Connection",
      "content-length",
      "X-Private",
      "Transfer-Encoding",
      "TE",
    ]);
  });
});
