import { locateJsonPointer } from "@/lib/payload/locate-json-pointer";

export interface JsonRevealPlan {
  /** The row to highlight. */
  id: string;
  /** Containers to expand (overrides of the tree's defaults). */
  expand: Map<string, boolean>;
  /** Children to show per container, so the target is not hidden behind "… N more". */
  limits: Map<string, number>;
}

/** What the JSON tree must expand and page to show the place a JSON Pointer names. */
export function planJsonReveal({
  root,
  pointer,
  childPage,
}: {
  root: unknown;
  pointer: string;
  childPage: number;
}): JsonRevealPlan {
  const { id, ancestors } = locateJsonPointer({ root, pointer });
  const expand = new Map<string, boolean>();
  const limits = new Map<string, number>();
  for (const ancestor of ancestors) {
    expand.set(ancestor.id, true);
    if (ancestor.childIndex >= childPage) {
      limits.set(ancestor.id, Math.ceil((ancestor.childIndex + 1) / childPage) * childPage);
    }
  }
  return { id, expand, limits };
}
