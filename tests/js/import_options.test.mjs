// Options on imports (tests/fixtures/import_options): `slice_to_array`, `reexport`, and the
// `link_to!` macro.
import { describe, test, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, load } from './support.mjs';

// What the fixture's imports reach; each call records what JS received.
const received = [];
globalThis.wbgSlices = {
  keep(v) { received.push(v); return v; },
  tags(v) { received.push(v); return v.map((t) => t.tag); },
  Tagged: class Tagged {
    constructor(tag) { this.tag = tag; }
    prefix_all(words) { received.push(words); return words.map((w) => `${this.tag}-${w}`); }
  },
};

const isTypedArray = (v) => ArrayBuffer.isView(v);

for (const target of TARGETS) {
  describe(`import options (${target})`, () => {
    let m;
    before(async () => { m = await load('import_options', target); });
    beforeEach(() => { received.length = 0; });

    test('slice_to_array: number slices arrive as plain Arrays, the typed array without it', () => {
      assert.equal(m.numbers_as_arrays(), 'ok');
      const [u8, i32, f64, u64, typed, block, empty] = received;
      for (const v of [u8, i32, f64, u64, block, empty]) {
        assert.ok(Array.isArray(v) && !isTypedArray(v), `a plain Array: ${Object.prototype.toString.call(v)}`);
      }
      assert.deepEqual(u8, [1, 2, 255]);
      assert.deepEqual(i32, [-1, 0, 1]);
      assert.deepEqual(f64, [1.5, -2.5]);
      assert.deepEqual(u64, [2n ** 64n - 1n, 0n]);
      assert.deepEqual(block, [10, 20], 'slice_to_array on the extern block');
      assert.deepEqual(empty, []);
      assert.ok(typed instanceof Uint16Array, 'without slice_to_array: a typed array');
    });

    test('slice_to_array: strings, JsValues and imported objects arrive as Arrays JS owns', () => {
      assert.equal(m.strings_and_values_as_arrays(), 'ok');
      const [words, values, tagged, prefixed, block] = received;
      assert.deepEqual(words, ['hello', 'wörld', '']);
      assert.deepEqual(values, [1, 'two', null]);
      assert.ok(tagged.every((t) => t instanceof globalThis.wbgSlices.Tagged));
      assert.deepEqual(tagged.map((t) => t.tag), ['a', 'b']);
      assert.deepEqual(prefixed, ['hello', 'wörld'], 'a method: `this` untouched, the slice an Array');
      assert.deepEqual(block, ['x', 'y']);
      // JS owns the array: changing it changes nothing in Rust.
      words.push('more');
      assert.equal(words.length, 4);
    });

    test('slice_to_array: Option<&[T]> is an Array or undefined', () => {
      assert.equal(m.optional_slices_as_arrays(), 'ok');
      const [some, none, emptySome, strings, noStrings] = received;
      assert.deepEqual(some, [5, 6]);
      assert.ok(Array.isArray(some));
      assert.equal(none, undefined);
      assert.deepEqual(emptySome, []);
      assert.deepEqual(strings, ['p', 'q']);
      assert.equal(noStrings, undefined);
    });
  });
}

for (const target of TARGETS) {
  describe(`reexport and link_to! (${target})`, () => {
    let m;
    before(async () => { m = await load('import_options', target); });

    test('reexport: imported functions, a static, a global class and a namespaced function are exports', () => {
      assert.equal(m.use_reexported(), 5 + 20 + 3.14159 + 1);
      assert.equal(m.customAdd(2, 3), 5, 'under the given name');
      assert.equal(m.multiply(4, 5), 20, 'under its own name');
      assert.equal(m.add, undefined, 'not under the imported name as well');
      assert.equal(m.PI_VALUE, 3.14159);
      assert.equal(m.console, globalThis.console);
      assert.equal(m.largest, Math.max);
    });

    test('link_to!: a file URL of the shipped crate file, of inline JS, of a relative path', () => {
      const file = m.linked_file();
      assert.match(file, /^file:\/\/.*\/snippets\/.*\/js\/linked\.js$/);
      const source = readFileSync(new URL('../fixtures/import_options/js/linked.js', import.meta.url), 'utf8');
      assert.equal(readFileSync(fileURLToPath(file), 'utf8'), source, 'byte for byte, for every target');
      const [one, two] = m.linked_inline();
      assert.notEqual(one, two);
      assert.equal(readFileSync(fileURLToPath(one), 'utf8'), '// inline js 1\n');
      assert.equal(readFileSync(fileURLToPath(two), 'utf8'), '// inline js 2\n');
      const relative = m.linked_relative();
      assert.equal(path.dirname(fileURLToPath(relative)), path.dirname(fileURLToPath(file).replace(/\/snippets\/.*$/, '/x')));
      assert.equal(path.basename(relative), 'not-shipped.js');
      assert.ok(!existsSync(fileURLToPath(relative)));
      assert.throws(() => m.read_linked_relative(), /no file at file:.*not-shipped\.js/, 'a catch import returning String');
    });
  });
}
