// node-app (js-sys, web-sys, futures, serde-wasm-bindgen, console_error_panic_hook,
// getrandom from crates.io) built by `wbg build --target nodejs`, driven from Node.
// WBG_ECOSYSTEM_PKG is the package directory wbg wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const m = require(path.join(process.env.WBG_ECOSYSTEM_PKG, 'node_app.js'));

function capture(method, f) {
  const lines = [];
  const original = console[method];
  console[method] = (...args) => lines.push(args);
  try { f(); } catch (e) { lines.push(['threw', e]); } finally { console[method] = original; }
  return lines;
}

test('js-sys Array: iterate, map, collect', () => {
  assert.deepEqual(m.map_array([1, 'ab', null, 2.5]), [2, 'AB', null, 5]);
});

test('js-sys Reflect and Object; a throwing getter is Err, thrown back', () => {
  assert.equal(m.read_property({ a: 7 }, 'a'), 7);
  assert.equal(m.read_property({}, 'missing'), undefined);
  const boom = new Error('getter failed');
  assert.throws(() => m.read_property({ get bad() { throw boom; } }, 'bad'), (e) => e === boom);
  assert.deepEqual({ ...m.describe_object('x', { a: 1, b: 2, c: 3 }) }, { name: 'x', keys: 3 });
});

test('js-sys JSON: values round-trip, malformed text is a SyntaxError', () => {
  assert.deepEqual(m.parse_json('{"a":[1,2,{"b":null}]}'), { a: [1, 2, { b: null }] });
  assert.throws(() => m.parse_json('{oops'), SyntaxError);
});

test('web-sys Url, URLSearchParams, TextEncoder/TextDecoder and console', () => {
  assert.equal(m.url_host('https://example.com:8080/a?b=1'), 'example.com:8080|?b=1&from=wbg');
  assert.throws(() => m.url_host('not a url'), TypeError);
  assert.equal(m.encode_decode('héllo 😀'), `${Buffer.byteLength('héllo 😀')}:héllo 😀`);
  assert.deepEqual(capture('log', () => m.log_twice('hi')), [['hi', 'hi']]);
});

test('wasm-bindgen-futures: async export awaits a JsFuture; a rejection rejects', async () => {
  assert.equal(await m.double_later(new Promise((r) => setTimeout(() => r(21), 5))), 42);
  await assert.rejects(m.double_later(Promise.reject(new RangeError('no'))), RangeError);
  await assert.rejects(m.double_later(Promise.resolve('x')), (e) => e === 'not a number');
});

test('wasm-bindgen-futures: spawn_local runs the future to completion', async () => {
  const got = await new Promise((resolve) => m.spawn_and_report(Promise.resolve('done'), resolve));
  assert.equal(got, 'done');
  const rejected = await new Promise((resolve) => m.spawn_and_report(Promise.reject('why'), resolve));
  assert.equal(rejected, 'rejected: why');
});

test('serde-wasm-bindgen: a struct from and to a JS object; a wrong shape is an Error', () => {
  assert.deepEqual(m.move_point({ x: 1, y: -2, tags: ['a'] }), { x: 2, y: -1, tags: ['a', 'moved'] });
  assert.throws(() => m.move_point({ x: 'one' }), (e) => e instanceof Error && /x|invalid|missing/.test(e.message));
});

test('getrandom (js): bytes from crypto.getRandomValues', () => {
  const a = m.random_bytes(32);
  const b = m.random_bytes(32);
  assert.ok(a instanceof Uint8Array && a.length === 32);
  assert.notDeepEqual(a, b);
});

test('console_error_panic_hook: a panic is reported with its message, then traps', () => {
  const lines = capture('error', () => m.panic_with('boom from Rust'));
  const text = lines.filter((l) => l[0] !== 'threw').map((l) => l.join(' ')).join('\n');
  assert.match(text, /boom from Rust/);
  const thrown = lines.find((l) => l[0] === 'threw');
  assert.ok(thrown && thrown[1] instanceof WebAssembly.RuntimeError, 'the panic traps');
});
