/**
 * The validator thread's program, as plain CommonJS source run with `new Worker(source,
 * { eval: true })`: a string survives every bundler (Next's, and esbuild's server bundle)
 * unchanged, where a worker file path or a stringified function would not. ajv is loaded from
 * the app's node_modules (workerData.resolveFrom). One Ajv per compiled schema: owners' schemas
 * may share an $id and must never see each other. Without `loadSchema`, ajv never fetches a
 * remote $ref: compiling one fails ("can't resolve reference").
 */
export const SCHEMA_VALIDATOR_WORKER_SOURCE = String.raw`
"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const load = createRequire(workerData.resolveFrom);
const ajvModule = load("ajv/dist/2020");
const Ajv2020 = ajvModule.Ajv2020 || ajvModule.default;
const formatsModule = load("ajv-formats");
const addFormats = formatsModule.default || formatsModule;
const cache = new Map();
const decoder = new TextDecoder("utf-8", { fatal: true });

function compile(hash, text) {
  const hit = cache.get(hash);
  if (hit) {
    cache.delete(hash);
    cache.set(hash, hit);
    return hit;
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(text));
  cache.set(hash, validate);
  if (cache.size > workerData.maxCachedSchemas) cache.delete(cache.keys().next().value);
  return validate;
}

function parseBody(bytes) {
  let text;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { json: false };
  }
  let index = 0;
  while (index < text.length && " \t\n\r".includes(text[index])) index++;
  if (text[index] !== "{" && text[index] !== "[") return { json: false };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    return { json: false };
  }
}

function messageOf(error) {
  return String((error && error.message) || error).slice(0, 500);
}

parentPort.on("message", (task) => {
  try {
    if (task.type === "check") {
      compile(task.hash, task.text);
      parentPort.postMessage({ id: task.id, ok: true });
      return;
    }
    const body = parseBody(task.body);
    if (!body.json) {
      parentPort.postMessage({ id: task.id, notJson: true });
      return;
    }
    const validate = compile(task.hash, task.text);
    const errors = validate(body.value)
      ? []
      : (validate.errors || []).slice(0, workerData.maxErrors).map((error) => ({
          instancePath: error.instancePath,
          keyword: error.keyword,
          params: JSON.parse(JSON.stringify(error.params || {})),
          message: error.message,
        }));
    parentPort.postMessage({ id: task.id, errors });
  } catch (error) {
    parentPort.postMessage({ id: task.id, failed: messageOf(error) });
  }
});
parentPort.postMessage({ ready: true });
`;
