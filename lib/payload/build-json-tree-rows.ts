export type JsonPrimitive = string | number | boolean | null;

interface RowBase {
  /** Stable id of the node: "$" for the root, then child indexes ("$.0.3"). */
  id: string;
  depth: number;
  /** Property name, array index, or null for the root. */
  key: string | number | null;
}

export type JsonTreeRow =
  | (RowBase & { type: "value"; value: JsonPrimitive; comma: boolean })
  | (RowBase & {
      type: "open";
      bracket: "{" | "[";
      size: number;
      expanded: boolean;
      /** For collapsed or empty containers, which render as one row. */
      comma: boolean;
    })
  | (RowBase & { type: "close"; bracket: "}" | "]"; comma: boolean })
  | (RowBase & { type: "more"; remaining: number });

interface BuildJsonTreeRowsOptions {
  root: unknown;
  isExpanded: (id: string, depth: number, size: number) => boolean;
  /** How many children of an expanded container to show before a "more" row. */
  childLimit: (id: string) => number;
}

interface Frame {
  id: string;
  depth: number;
  container: Record<string, unknown> | unknown[];
  keys: string[] | null;
  length: number;
  limit: number;
  index: number;
  bracket: "}" | "]";
  comma: boolean;
}

/**
 * Flattens the visible part of a parsed JSON document into rows (iteratively: documents may be
 * deep), so a viewer can render or virtualize them without recursive components.
 */
export function buildJsonTreeRows({
  root,
  isExpanded,
  childLimit,
}: BuildJsonTreeRowsOptions): JsonTreeRow[] {
  const rows: JsonTreeRow[] = [];
  const stack: Frame[] = [];

  const emit = (
    value: unknown,
    key: string | number | null,
    id: string,
    depth: number,
    comma: boolean,
  ) => {
    if (value !== null && typeof value === "object") {
      const isArray = Array.isArray(value);
      const keys = isArray ? null : Object.keys(value);
      const size = isArray ? value.length : (keys?.length ?? 0);
      const expanded = size > 0 && isExpanded(id, depth, size);
      rows.push({
        type: "open",
        id,
        depth,
        key,
        bracket: isArray ? "[" : "{",
        size,
        expanded,
        comma,
      });
      if (expanded) {
        stack.push({
          id,
          depth,
          container: value as Record<string, unknown> | unknown[],
          keys,
          length: size,
          limit: Math.max(0, childLimit(id)),
          index: 0,
          bracket: isArray ? "]" : "}",
          comma,
        });
      }
      return;
    }
    rows.push({ type: "value", id, depth, key, value: toPrimitive(value), comma });
  };

  emit(root, null, "$", 0, false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index < Math.min(frame.length, frame.limit)) {
      const index = frame.index++;
      const childKey = frame.keys === null ? index : (frame.keys[index] ?? "");
      const child =
        frame.keys === null
          ? (frame.container as unknown[])[index]
          : (frame.container as Record<string, unknown>)[childKey];
      emit(child, childKey, `${frame.id}.${index}`, frame.depth + 1, index < frame.length - 1);
      continue;
    }
    stack.pop();
    if (frame.length > frame.limit) {
      rows.push({
        type: "more",
        id: frame.id,
        depth: frame.depth + 1,
        key: null,
        remaining: frame.length - frame.limit,
      });
    }
    rows.push({
      type: "close",
      id: `${frame.id}/close`,
      depth: frame.depth,
      key: null,
      bracket: frame.bracket,
      comma: frame.comma,
    });
  }
  return rows;
}

function toPrimitive(value: unknown): JsonPrimitive {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  return null;
}
