// Exported functions with every foundation type, for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS, load, outDir } from './support.mjs';

for (const target of TARGETS) {
  describe(`basics (${target})`, () => {
    let m;
    before(async () => { m = await load('basics', target); });

    test('signed integers wrap like Rust `as` casts', () => {
      for (const [f, values, wrapped] of [
        ['id_i8', [0, 127, -128], [[128, -128], [-129, 127]]],
        ['id_i16', [0, 32767, -32768], [[32768, -32768]]],
        ['id_i32', [0, 2147483647, -2147483648], [[2147483648, -2147483648]]],
        ['id_isize', [0, 2147483647, -2147483648], [[2147483648, -2147483648]]],
      ]) {
        for (const v of values) assert.equal(m[f](v), v, `${f}(${v})`);
        for (const [input, out] of wrapped) assert.equal(m[f](input), out, `${f}(${input})`);
      }
    });

    test('unsigned integers', () => {
      for (const [f, max] of [['id_u8', 255], ['id_u16', 65535], ['id_u32', 4294967295], ['id_usize', 4294967295]]) {
        assert.equal(m[f](0), 0);
        assert.equal(m[f](max), max, `${f}(max)`);
        assert.equal(m[f](max + 1), 0, `${f}(max + 1) wraps`);
      }
      assert.equal(m.add(4294967295, 1), 0);
      assert.equal(m.add(20, 22), 42);
    });

    test('64-bit integers are bigint', () => {
      for (const v of [0n, 1n, -1n, 9223372036854775807n, -9223372036854775808n]) assert.equal(m.id_i64(v), v);
      for (const v of [0n, 1n, 18446744073709551615n]) assert.equal(m.id_u64(v), v);
      assert.equal(typeof m.id_u64(5n), 'bigint');
      assert.throws(() => m.id_i64(1), TypeError);
    });

    test('floats', () => {
      assert.ok(Number.isNaN(m.id_f64(NaN)));
      assert.ok(Number.isNaN(m.id_f32(NaN)));
      for (const v of [0, 1.5, -2.25, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE]) assert.equal(m.id_f64(v), v);
      assert.ok(Object.is(m.id_f64(-0), -0));
      assert.equal(m.id_f32(0.1), Math.fround(0.1));
      assert.equal(m.id_f32(3.4028234663852886e38), 3.4028234663852886e38);
    });

    test('bool', () => {
      assert.equal(m.id_bool(true), true);
      assert.equal(m.id_bool(false), false);
    });

    test('reserved words as exported names become _word', () => {
      assert.equal(m._throw(7), 7);
      assert.equal(m._class(2, 1), true);
      assert.equal(m.throw, undefined);
    });

    test('a `&[i32]` parameter written through macro_rules!', () => {
      assert.equal(m.sum_through_macro(new Int32Array([1, 2, 39])), 42);
    });

    test('parameter names keep their leading underscores', () => {
      const src = m.underscore_args.toString();
      assert.deepEqual(src.slice(src.indexOf('(') + 1, src.indexOf(')')).split(/\s*,\s*/), ['_a', '_b']);
    });

    test('char', () => {
      for (const c of ['a', 'é', '€', '😀']) assert.equal(m.id_char(c), c);
      assert.equal(m.char_code('😀'), 0x1f600);
      // wasm-bindgen's messages (its char.rs suite asserts them).
      assert.throws(() => m.id_char('\uD800'), /expected a valid Unicode scalar value, found 55296/);
      assert.throws(() => m.id_char(55357), /codePointAt is not a function/);
    });

    test('strings: empty, ASCII, non-ASCII, 64 KiB', () => {
      const big = 'abcdefgh'.repeat(8192);
      const bigUnicode = 'é😀ü'.repeat(16384);
      for (const s of ['', 'hello', 'héllo wörld', '日本語', '😀🎉', big, bigUnicode, 'a'.repeat(255), 'a'.repeat(256) + 'é']) {
        assert.equal(m.id_str(s), s);
        assert.equal(m.id_string(s), s);
        assert.equal(m.utf8_len(s), Buffer.byteLength(s, 'utf8'));
      }
      assert.equal(big.length, 65536);
      assert.equal(m.concat('left', 'right', '→'), 'left→right');
    });

    test('lone surrogates become U+FFFD, as in wasm-bindgen', () => {
      assert.equal(m.id_str('a\uD800b'), 'a\uFFFDb');
      assert.equal(m.id_str('\uDC00'), '\uFFFD');
      assert.equal(m.utf8_len('\uD800'), 3);
    });

    test('non-strings are rejected with a TypeError', () => {
      assert.throws(() => m.id_str(5), { name: 'TypeError', message: 'expected a string argument, found number' });
    });

    test('memory growth refreshes cached views', () => {
      const s = 'é'.repeat(1000);
      assert.equal(m.grow_then_echo(64, s), s);
      const huge = 'x'.repeat(8 << 20);
      assert.equal(m.id_str(huge).length, huge.length);
      assert.equal(m.id_str('after growth ✓'), 'after growth ✓');
    });

    test('unit return is undefined', () => {
      assert.equal(m.nothing(), undefined);
      const before = m.calls();
      m.count_call();
      assert.equal(m.calls(), before + 1);
    });

    test('start ran exactly once, and is not exported', () => {
      assert.equal(m.start_count(), 1);
      assert.equal(m.on_start, undefined);
    });

    test('js_name and reserved parameter names', () => {
      assert.equal(m.renamedFunction(), 7);
      assert.equal(m.renamed_function, undefined);
      assert.equal(m.reserved_names(1, 2), 12);
    });

    test('JsValue keeps identity through the slab and the borrow stack', () => {
      const sym = Symbol('s');
      const fn = () => 1;
      for (const v of [undefined, null, true, false, 0, -1.5, 'str', {}, [], sym, fn, 10n]) {
        assert.ok(Object.is(m.id_jsvalue(v), v), `id_jsvalue(${String(v)})`);
        assert.ok(Object.is(m.borrow_and_clone(v), v), `borrow_and_clone(${String(v)})`);
      }
      const obj = { a: 1 };
      assert.equal(m.id_jsvalue(obj), obj);
    });

    test('JsValue equality is ===', () => {
      const o = {};
      assert.equal(m.js_eq(o, o), true);
      assert.equal(m.js_eq(o, {}), false);
      assert.equal(m.js_eq(1, 1), true);
      assert.equal(m.js_eq(1, '1'), false);
      assert.equal(m.js_eq(NaN, NaN), false);
      assert.equal(m.js_eq(null, undefined), false);
      assert.equal(m.same_slot_clone_eq(o), true);
    });

    test('JsValue predicates', () => {
      assert.equal(m.predicates(null), 'nF');
      assert.equal(m.predicates(undefined), 'uF');
      assert.equal(m.predicates({}), 'ot');
      assert.equal(m.predicates([]), 'ot');
      assert.equal(m.predicates(() => {}), 'ft');
      assert.equal(m.predicates('x'), 'st');
      assert.equal(m.predicates(''), 'sF');
      assert.equal(m.predicates(0), 'F');
      assert.equal(m.predicates(1), 't');
    });

    test('JsValue as_string / as_f64 / as_bool', () => {
      assert.equal(m.as_string_debug('héllo'), 'Some("héllo")');
      assert.equal(m.as_string_debug(1), 'None');
      assert.equal(m.as_f64_debug(1.5), 'Some(1.5)');
      assert.equal(m.as_f64_debug('1.5'), 'None');
      assert.equal(m.as_bool_debug(true), 'Some(true)');
      assert.equal(m.as_bool_debug(false), 'Some(false)');
      assert.equal(m.as_bool_debug(1), 'None');
    });

    test('JsValue constants and From impls', () => {
      const expected = [null, undefined, true, false, 'from_str', 1.5, false, -3, 250, 'a &str', 'a String',
        true, 18446744073709551615n, -9223372036854775808n, 2.5, null, undefined];
      expected.forEach((v, i) => assert.ok(Object.is(m.make_value(i), v), `make_value(${i})`));
    });

    test('JsValue Debug shows the JS value', () => {
      assert.equal(m.borrowed_debug('x'), 'JsValue("x")');
      assert.equal(m.borrowed_debug(1.5), 'JsValue(1.5)');
      assert.equal(m.borrowed_debug(undefined), 'JsValue(undefined)');
      assert.equal(m.borrowed_debug(null), 'JsValue(null)');
      assert.equal(m.borrowed_debug([1, 'a']), 'JsValue([1, "a"])');
      assert.equal(m.borrowed_debug({ a: 1 }), 'JsValue(Object({"a":1}))');
      assert.equal(m.borrowed_debug(5n), 'JsValue(5n)');
      assert.equal(m.borrowed_debug(Symbol('k')), 'JsValue(Symbol(k))');
    });

    test('throw_str throws an Error; throw_val throws the value itself', () => {
      assert.throws(() => m.throw_message('boom ✗'), (e) => e instanceof Error && e.message === 'boom ✗');
      const value = { code: 7 };
      assert.throws(() => m.throw_value(value), (e) => e === value);
      assert.equal(m.add(1, 1), 2, 'module still usable after a throw');
    });

    test('JSDoc and .d.ts', () => {
      const dir = outDir('basics', target);
      const js = readFileSync(path.join(dir, target === 'bundler' ? 'basics_bg.js' : 'basics.js'), 'utf8');
      assert.match(js, /\/\*\*\n \* Adds one\.\n \*\n \* Works for every `u32` but the largest\.\n \* @param \{number\} value\n \* @returns \{number\}\n \*\//);
      const dts = readFileSync(path.join(dir, 'basics.d.ts'), 'utf8');
      assert.match(dts, /\/\*\*\n \* Adds one\.\n \*\n \* Works for every `u32` but the largest\.\n \*\/\nexport function documented\(value: number\): number;/);
      assert.match(dts, /export function id_u64\(x: bigint\): bigint;/);
      assert.match(dts, /export function id_jsvalue\(x: any\): any;/);
      assert.match(dts, /export function concat\(a: string, b: string, sep: string\): string;/);
      assert.match(dts, /export function nothing\(\): void;/);
      assert.match(dts, /export function renamedFunction\(\): number;/);
      assert.doesNotMatch(dts, /not_in_typescript/);
      assert.equal(m.not_in_typescript(), 8);
      assert.doesNotMatch(js, /\beval\(|new Function/);
      // skip_jsdoc: the Rust doc comment with its own tags, no generated ones.
      assert.match(js, /\/\*\*\n \* Hand-written tags\.\n \*\n \* @param \{number\} value - what to double\n \* @returns \{number\} twice `value`\n \*\/\n(export )?function documented_by_hand\(value\)/);
      assert.equal(m.documented_by_hand(21), 42);
    });

    test('unchecked_return_type, return_description and parameter options in the .d.ts and JSDoc', () => {
      const dir = outDir('basics', target);
      const js = readFileSync(path.join(dir, target === 'bundler' ? 'basics_bg.js' : 'basics.js'), 'utf8');
      const dts = readFileSync(path.join(dir, 'basics.d.ts'), 'utf8');
      assert.deepEqual(m.scale_point({ x: 2 }, 3), { x: 6 });
      assert.match(dts, /\/\*\*\n \* Scales a point given as a plain object\.\n \* @param rawPoint - an object with a numeric `x`\n \* @returns the scaled point\n \*\/\nexport function scale_point\(rawPoint: \{ x: number \}, by: number\): \{ x: number \};/);
      // typescript_custom_section: each text once, as written.
      assert.match(dts, /\n\/\*\* A point as `scale_point` takes it\. \*\/\nexport interface Point \{ x: number \}\n/);
      assert.match(dts, /\nexport type Label = `label:\$\{string\}`;\n/);
      assert.match(dts, /\nexport type Scale = number;\n/);
      assert.equal(dts.split('export interface Point').length, 2);
      assert.doesNotMatch(js, /interface Point/);
      assert.match(js, / \* @param \{\{ x: number \}\} rawPoint - an object with a numeric `x`\n \* @param \{number\} by\n \* @returns \{\{ x: number \}\} the scaled point\n \*\/\n(export )?function scale_point\(rawPoint, by\)/);
    });
  });

  describe(`object table (${target}, --debug)`, () => {
    let m;
    before(async () => { m = await load('basics', target, '-debug'); });

    test('owned values are freed: 100 000 calls do not grow the slab', () => {
      const obj = { big: 'x' };
      for (let i = 0; i < 100; i++) { m.take_and_drop(obj); m.id_jsvalue(obj); }
      const before = m.__wbg_heap_stats();
      for (let i = 0; i < 100000; i++) {
        m.take_and_drop({ i });
        assert.ok(m.id_jsvalue(obj) === obj || assert.fail('identity'));
        m.borrow_and_clone(obj);
      }
      const after = m.__wbg_heap_stats();
      assert.equal(after.capacity, before.capacity, 'slab capacity unchanged');
      assert.equal(after.live, before.live, 'no live values leaked');
      assert.equal(after.stack, 0, 'borrow stack empty between calls');
    });

    test('the .d.ts declares __wbg_heap_stats with the fields it returns (only with --debug)', () => {
      const dts = readFileSync(path.join(outDir('basics', target, '-debug'), 'basics.d.ts'), 'utf8');
      const declared = dts.match(/^\s*export function __wbg_heap_stats\(\): \{ (.*) \};$/m);
      assert.ok(declared, dts);
      const fields = declared[1].split('; ').map((f) => f.split(': '));
      const stats = m.__wbg_heap_stats();
      assert.deepEqual(fields.map(([k]) => k).sort(), Object.keys(stats).sort());
      for (const [k, t] of fields) assert.equal(typeof stats[k], t, k);
      const plain = readFileSync(path.join(outDir('basics', target), 'basics.d.ts'), 'utf8');
      assert.doesNotMatch(plain, /__wbg_heap_stats/);
    });

    test('--debug checks the JS type of number, bigint and boolean arguments (wasm-bindgen\'s messages)', () => {
      assert.throws(() => m.id_u32('a'), { message: 'expected a number argument, found string' });
      assert.throws(() => m.id_i64(1), { message: 'expected a bigint argument, found number' });
      assert.throws(() => m.id_bool(1), { message: 'expected a boolean argument, found number' });
      assert.equal(m.id_u32(7), 7);
      assert.equal(m.id_bool(true), true);
    });

    test('the borrow stack is popped even when the call throws', () => {
      assert.throws(() => m.borrow_then_throw({ k: 1 }), { message: 'JsValue(Object({"k":1}))' });
      assert.equal(m.__wbg_heap_stats().stack, 0);
    });
  });
}
