import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper run by scripts/start.mjs before anything is imported
import { findNodeVersionProblem } from "./find-node-version-problem.mjs";

const range = "^20.19 || ^22.13 || >=24";

describe("findNodeVersionProblem", () => {
  it("accepts versions inside the range", () => {
    for (const version of ["v20.19.0", "v20.20.2", "v22.13.0", "v22.20.1", "v24.0.0", "v25.1.0"])
      expect(findNodeVersionProblem({ version, range })).toBeNull();
  });

  it("names the range and the running version for one outside it", () => {
    for (const version of ["v18.20.4", "v20.9.0", "v20.18.3", "v21.7.3", "v22.12.0", "v23.11.0"]) {
      const problem = findNodeVersionProblem({ version, range });
      expect(problem).toContain(version);
      expect(problem).toContain("^20.19 or ^22.13 or >=24");
    }
  });

  it("reads package.json's own range, and this Node.js fits it", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
    expect(
      findNodeVersionProblem({ version: process.version, range: pkg.engines.node }),
    ).toBeNull();
  });

  it("reads any npm range form, not just the ones package.json uses today", () => {
    expect(findNodeVersionProblem({ version: "v20.19.5", range: "~20.19" })).toBeNull();
    expect(findNodeVersionProblem({ version: "v20.20.0", range: "~20.19" })).toContain("v20.20.0");
    expect(findNodeVersionProblem({ version: "v22.1.0", range: ">=20.19 <23" })).toBeNull();
    expect(findNodeVersionProblem({ version: "v23.0.0", range: ">=20.19 <23" })).toContain(
      "v23.0.0",
    );
  });
});
