export interface JsonPointerLocation {
  /** The tree row to show (ids of lib/payload/build-json-tree-rows.ts: "$", "$.0.3", …). */
  id: string;
  /** The containers to expand on the way, with the child index taken in each (for paging). */
  ancestors: Array<{ id: string; childIndex: number }>;
  /** False when the pointer goes on past what exists (e.g. a missing required field). */
  exact: boolean;
}

/**
 * Resolves a JSON Pointer (RFC 6901, how conformance errors name places) to the JSON tree's row
 * ids, which are child positions: object members in Object.keys order, as the tree lists them.
 * A pointer to something absent lands on its deepest existing ancestor.
 */
export function locateJsonPointer({
  root,
  pointer,
}: {
  root: unknown;
  pointer: string;
}): JsonPointerLocation {
  const tokens = pointer.startsWith("/")
    ? pointer
        .slice(1)
        .split("/")
        .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    : [];
  const ancestors: JsonPointerLocation["ancestors"] = [];
  let id = "$";
  let node: unknown = root;
  for (const token of tokens) {
    const index = childIndex(node, token);
    if (index === -1) return { id, ancestors, exact: false };
    ancestors.push({ id, childIndex: index });
    id = `${id}.${index}`;
    node = Array.isArray(node)
      ? node[index]
      : (node as Record<string, unknown>)[Object.keys(node as object)[index]!];
  }
  return { id, ancestors, exact: true };
}

function childIndex(node: unknown, token: string): number {
  if (Array.isArray(node)) {
    if (!/^(0|[1-9][0-9]*)$/.test(token)) return -1;
    const index = Number(token);
    return index < node.length ? index : -1;
  }
  if (node !== null && typeof node === "object") return Object.keys(node).indexOf(token);
  return -1;
}
