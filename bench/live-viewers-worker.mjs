// The SSE viewers of the live-latency scenarios, on a thread of their own: the sender's event
// loop (500 requests a second) must not delay when an event is seen to arrive. Times are
// absolute (timeOrigin + now), comparable with the sender's on the main thread.
import { parentPort, workerData } from "node:worker_threads";

const { urls } = workerData;
const controller = new AbortController();
const clock = () => performance.timeOrigin + performance.now();

async function view(url, arrivals, onReady) {
  const response = await fetch(url, { signal: controller.signal });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let split;
      while ((split = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        if (frame.includes("event: ready")) onReady();
        else if (frame.includes("event: delivery")) {
          const id = /^id: (.+)$/m.exec(frame)?.[1];
          if (id) arrivals.push([id, clock()]);
        }
      }
    }
  } catch {
    // aborted at the end
  }
}

const arrivals = urls.map(() => []);
await Promise.all(
  urls.map(
    (url, index) => new Promise((ready, failed) => view(url, arrivals[index], ready).catch(failed)),
  ),
);
parentPort.postMessage({ type: "ready" });
parentPort.once("message", () => {
  controller.abort();
  parentPort.postMessage({ type: "arrivals", arrivals });
});
