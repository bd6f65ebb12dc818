// The `deno` and `no-modules` targets, run in Node: deno's module with a stand-in `Deno`
// global (it reads the wasm with `Deno.readFile`), no-modules as a classic script through
// `vm`, as a browser would run a <script>.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { outDir } from './support.mjs';

const files = (fixture, target) => {
  const dir = outDir(fixture, target);
  return { js: path.join(dir, `${fixture}.js`), wasm: path.join(dir, `${fixture}_bg.wasm`) };
};

// What Deno provides and the glue uses: `Deno.readFile(url)` resolving to bytes.
const denoReads = [];
globalThis.Deno = {
  readFile: async (url) => {
    denoReads.push(String(url));
    return new Uint8Array(await readFile(url));
  },
};

async function loadDeno(fixture) {
  return import(pathToFileURL(files(fixture, 'deno').js).href);
}

// The script evaluated in this realm (so errors and classes are this realm's); wrapping it
// in a function keeps its top-level `let wasm_bindgen` from clashing between fixtures.
function loadNoModules(fixture) {
  const { js, wasm } = files(fixture, 'no-modules');
  const script = `(function () {\n${readFileSync(js, 'utf8')}\nreturn wasm_bindgen;\n})()`;
  const wasm_bindgen = vm.runInThisContext(script, { filename: js });
  wasm_bindgen.initSync({ module: readFileSync(wasm) });
  return wasm_bindgen;
}

const LOADERS = { deno: loadDeno, 'no-modules': loadNoModules };

for (const [target, load] of Object.entries(LOADERS)) {
  describe(`basics (${target})`, () => {
    let m;
    before(async () => { m = await load('basics'); });

    test('numbers, bigints, strings, JsValue', () => {
      assert.equal(m.add(20, 22), 42);
      assert.equal(m.add(4294967295, 1), 0);
      assert.equal(m.id_u64(18446744073709551615n), 18446744073709551615n);
      assert.equal(m.id_str('héllo 😀'), 'héllo 😀');
      assert.equal(m.concat('a', 'b', '-'), 'a-b');
      const o = { x: 1 };
      assert.equal(m.id_jsvalue(o), o);
    });
  });

  describe(`classes (${target})`, () => {
    let m;
    before(async () => { m = await load('classes'); });

    test('constructor, methods, free', () => {
      const c = new m.Counter('apples');
      assert.ok(c instanceof m.Counter);
      assert.equal(c.increment(), 1);
      assert.equal(c.increment(), 2);
      c.free();
      assert.throws(() => c.increment(), /already freed/);
    });
  });

  describe(`namespaces (${target})`, () => {
    let m;
    before(async () => { m = await load('namespaces'); });

    test('functions, classes and enums through their namespace objects', () => {
      assert.equal(m.calc.add(2, 3), 5);
      assert.equal(m.calc.float.half(5), 2.5);
      assert.equal(m.calc.float.sign(-1), m.calc.Sign.Negative);
      const t = new m.models.Tally(1);
      assert.equal(t.bump(), 2);
      assert.ok(m.models.maybe_tally(1) instanceof m.models.Tally);
      assert.equal(m.shapes['3d'].origin().x, 0);
      assert.notEqual(m.small.Box, m.big.Box);
      assert.equal(m.Tally, undefined);
    });
  });
}

describe('deno', () => {
  test('reads the wasm beside the module with Deno.readFile', async () => {
    await loadDeno('basics');
    assert.ok(denoReads.includes(pathToFileURL(files('basics', 'deno').wasm).href), denoReads.join());
  });
});

describe('no-modules', () => {
  const { js, wasm } = files('basics', 'no-modules');

  // A fresh global scope, like a page with only this <script>.
  function page() {
    const context = vm.createContext({ TextEncoder, TextDecoder, console });
    vm.runInContext(readFileSync(js, 'utf8'), context, { filename: js });
    context.bytes = readFileSync(wasm);
    return context;
  }

  test('defines one global, `wasm_bindgen`, with the exports as properties', () => {
    const context = page();
    assert.deepEqual(Object.keys(context).sort(), ['TextDecoder', 'TextEncoder', 'bytes', 'console']);
    assert.equal(vm.runInContext('typeof wasm_bindgen', context), 'function');
    assert.equal(vm.runInContext('typeof wasm_bindgen.initSync', context), 'function');
    assert.equal(vm.runInContext('typeof wasm_bindgen.add', context), 'function');
    assert.equal(vm.runInContext('typeof __exports', context), 'undefined');
  });

  test('the async init takes bytes; calling it again returns the same instance', async () => {
    const context = page();
    const first = await vm.runInContext('wasm_bindgen({ module_or_path: bytes })', context);
    assert.equal(vm.runInContext('wasm_bindgen.add(1, 2)', context), 3);
    const again = await vm.runInContext('wasm_bindgen()', context);
    assert.equal(again, first);
  });

  test('without a <script> URL, init asks for the wasm', async () => {
    const context = page();
    await assert.rejects(vm.runInContext('wasm_bindgen()', context), /pass the URL or bytes of basics_bg\.wasm/);
  });
});
