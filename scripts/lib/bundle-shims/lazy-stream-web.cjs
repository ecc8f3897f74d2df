/**
 * Stands in for `node:stream/web` in the Lambda bundles (the alias in function-bundles.ts).
 * @middy/core imports ReadableStream at top level but uses it only on the streamifyResponse
 * path, which no Linli function takes; loading node's web streams at require costs a few
 * milliseconds of every cold start. Each export is a getter that loads the real module on first
 * use, so values and behaviour are node's own. `stream/web` (without `node:`) is not aliased,
 * so this require reaches node itself. tests/unit/lazy-stream-web.test.ts checks the names
 * against the running node's module.
 */
const names = [
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
];
for (const name of names) {
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => require('stream/web')[name] });
}
