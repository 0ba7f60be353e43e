import { getSingleton } from "@/lib/singleton";

type Closer = () => void;

function registry(): Set<Closer> {
  return getSingleton("liveStreams", () => new Set<Closer>());
}

/** Open SSE streams register here so a shutting-down server can end them with a retry hint. */
export function registerLiveStream(close: Closer): () => void {
  registry().add(close);
  return () => registry().delete(close);
}

export function closeLiveStreams(): void {
  for (const close of [...registry()]) close();
}
