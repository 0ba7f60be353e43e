export interface SerialQueue {
  /** Runs `task` after every task queued before it has settled; resolves with its result. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
}

/** One task at a time, first come first served: bounds what concurrent callers hold at once. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.catch(() => {});
      return result;
    },
  };
}
