import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/http/api-routes";

const apiDir = path.resolve(import.meta.dirname, "..", "..", "app", "api");

async function routeFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await routeFiles(full)));
    else if (entry.name === "route.ts") found.push(full);
  }
  return found;
}

describe("API_ROUTES", () => {
  it("lists every route file under app/api with exactly the methods it exports", async () => {
    const fromFiles: Array<{ path: string; methods: string[] }> = [];
    for (const file of await routeFiles(apiDir)) {
      const source = await readFile(file, "utf8");
      const methods = [
        ...source.matchAll(
          /export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
        ),
      ].map((match) => match[1]!);
      const route = path.relative(apiDir, path.dirname(file)).split(path.sep).join("/");
      fromFiles.push({ path: `/api/${route}`, methods: methods.sort() });
    }
    const listed = API_ROUTES.map(({ path, methods }) => ({ path, methods: [...methods].sort() }));
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(listed.sort(byPath)).toEqual(fromFiles.sort(byPath));
  });
});
