import { clipText } from "@/lib/diff/clip-text";
import type { BodyChange } from "@/lib/diff/delivery-diff-schema";

export interface ChangeList {
  /** Adds a change (path and values clipped); false when the list is full and it was dropped. */
  add: (change: BodyChange) => boolean;
  changes: BodyChange[];
}

/**
 * The list of body changes a diff reports, bounded twice: by count and by the characters of
 * paths and values together, so a hostile pair of bodies cannot make a huge answer.
 */
export function createChangeList({
  maxChanges,
  maxChars,
}: {
  maxChanges: number;
  maxChars: number;
}): ChangeList {
  const changes: BodyChange[] = [];
  let chars = 0;
  return {
    changes,
    add({ path, op, before, after }) {
      if (changes.length >= maxChanges || chars >= maxChars) return false;
      const change: BodyChange = {
        path: clipText({ text: path }),
        op,
        before: before === null ? null : clipText({ text: before }),
        after: after === null ? null : clipText({ text: after }),
      };
      chars += change.path.length + (change.before?.length ?? 0) + (change.after?.length ?? 0);
      changes.push(change);
      return true;
    },
  };
}
