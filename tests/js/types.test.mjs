// Everyday types: Option, Result/JsError, slices and vectors, Clamped, 128-bit integers,
// pointers, futures and serde, for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS, load, outDir } from './support.mjs';

const reported = [];
globalThis.wbgTypes = {
  js_opt: (x) => (x === undefined ? undefined : x + 1),
  js_opt_string: (s) => (s === undefined ? null : `${s}!`),
  js_vec: (v) => { assert.ok(v instanceof Float64Array); return v.map((x) => x * 2); },
  js_slice: (v) => { assert.ok(v instanceof Uint8Array); return v.reduce((a, b) => a + b, 0); },
  js_strings: (v) => v.map((s) => s.toUpperCase()),
  js_u128: (v) => v + 1n,
  js_opt_i128: (v) => (v === undefined ? undefined : v + 1n),
  js_delay: (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
  js_report: (v) => reported.push(v),
  js_opt_str: (s) => (s === undefined ? 'undefined' : `${typeof s} ${JSON.stringify(s)}`),
  js_clamped: (v) => `${v.constructor.name} ${[...v]}`,
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const target of TARGETS) {
  describe(`types (${target})`, () => {
    let m;
    before(async () => { m = await load('types', target); });

    test('Option of every primitive: undefined and null are None', () => {
      const cases = [
        ['opt_i8', [-128, 127, 0]], ['opt_u8', [0, 255]], ['opt_i16', [-32768, 32767]], ['opt_u16', [65535]],
        ['opt_i32', [-2147483648, 2147483647, 0]], ['opt_u32', [0, 4294967295]], ['opt_isize', [-1]],
        ['opt_usize', [4294967295]], ['opt_f32', [1.5, -0.25]], ['opt_f64', [Number.MAX_VALUE, -0.5, Infinity]],
        ['opt_i64', [-9223372036854775808n, 9223372036854775807n, 0n]], ['opt_u64', [18446744073709551615n, 0n]],
        ['opt_bool', [true, false]], ['opt_char', ['a', '😀']], ['opt_string', ['', 'héllo', 'x'.repeat(100000)]],
      ];
      for (const [f, values] of cases) {
        for (const v of values) assert.equal(m[f](v), v, `${f}(${String(v).slice(0, 20)})`);
        assert.equal(m[f](undefined), undefined, `${f}(undefined)`);
        assert.equal(m[f](null), undefined, `${f}(null)`);
      }
      assert.ok(Number.isNaN(m.opt_f64(NaN)));
      assert.equal(m.opt_u8(0), 0, 'Some(0) is not None');
      assert.equal(m.opt_bool(false), false, 'Some(false) is not None');
      assert.throws(() => m.opt_char('\uD83D'), /expected a valid Unicode scalar value, found 55357/);
    });

    test('Option of JsValue, classes, enums and vectors', () => {
      const o = { a: 1 };
      assert.equal(m.opt_value(o), o);
      assert.equal(m.opt_value(undefined), undefined);
      assert.equal(m.opt_thing(new m.Thing(3)).id, 3);
      assert.equal(m.opt_thing(null), undefined);
      assert.equal(m.opt_level(m.Level.High), m.Level.High);
      assert.equal(m.opt_level(undefined), undefined);
      assert.equal(m.opt_fruit('pear'), 'pear');
      assert.equal(m.opt_fruit(null), undefined);
      assert.deepEqual(m.opt_bytes(new Uint8Array([1, 2])), new Uint8Array([1, 2]));
      assert.deepEqual(m.opt_bytes(new Uint8Array(0)), new Uint8Array(0), 'Some(empty) is not None');
      assert.equal(m.opt_bytes(undefined), undefined);
    });

    test('Option<&str> and Option<&[T]> as export and import arguments', () => {
      assert.equal(m.opt_str(undefined), 'None');
      assert.equal(m.opt_str(null), 'None');
      assert.equal(m.opt_str(''), 'Some("") 0 bytes', 'Some("") is not None');
      assert.equal(m.opt_str('😀'), 'Some("😀") 4 bytes');
      assert.equal(m.opt_f64_slice(undefined), 'None');
      assert.equal(m.opt_f64_slice(new Float64Array(0)), 'Some([])', 'Some(&[]) is not None');
      assert.equal(m.opt_f64_slice([1.5, NaN]), 'Some([1.5, NaN])');
      assert.deepEqual(m.opt_str_to_js(), ['undefined', 'string ""', 'string "😀"']);
    });

    test('number vectors come back as the matching typed array', () => {
      const cases = [
        ['vec_i8', Int8Array, [-128, 0, 127]], ['vec_u8', Uint8Array, [0, 255]], ['vec_i16', Int16Array, [-32768, 32767]],
        ['vec_u16', Uint16Array, [65535]], ['vec_i32', Int32Array, [-2147483648, 2147483647]],
        ['vec_u32', Uint32Array, [4294967295]], ['vec_isize', Int32Array, [-2147483648, 5]], ['vec_usize', Uint32Array, [4294967295]],
        ['vec_i64', BigInt64Array, [-9223372036854775808n, 1n]],
        ['vec_u64', BigUint64Array, [18446744073709551615n]], ['vec_f32', Float32Array, [1.5, -2]],
        ['vec_f64', Float64Array, [NaN, -0, Number.MAX_VALUE]], ['boxed_u16', Uint16Array, [1, 2, 3]],
      ];
      for (const [f, Ctor, values] of cases) {
        const out = m[f](new Ctor(values));
        assert.ok(out instanceof Ctor, `${f} returns ${Ctor.name}`);
        assert.deepEqual(out, new Ctor(values), f);
        assert.deepEqual(m[f](new Ctor(0)), new Ctor(0), `${f}(empty)`);
      }
      assert.deepEqual(m.vec_u8([1, 2, 3]), new Uint8Array([1, 2, 3]), 'plain arrays are accepted');
      const big = new Uint8Array(1 << 20).map((_, i) => i & 255);
      assert.deepEqual(m.vec_u8(big), big);
      assert.throws(() => m.vec_u8(5), { name: 'TypeError', message: 'expected an array or Uint8Array, got number' });
    });

    test('Clamped is a Uint8ClampedArray', () => {
      const out = m.clamped(new Uint8ClampedArray([0, 128, 255]));
      assert.ok(out instanceof Uint8ClampedArray);
      assert.deepEqual([...out], [0, 128, 255]);
      assert.deepEqual([...m.clamped([300, -5])], [255, 0], 'values clamp on the way in');
    });

    test('Clamped<&[u8]> and Clamped<&mut [u8]> arguments; Clamped<&[u8]> reaches imports as a Uint8ClampedArray', () => {
      assert.equal(m.clamped_sum(new Uint8ClampedArray([1, 2, 255])), 258);
      assert.equal(m.clamped_sum([]), 0);
      const pixels = new Uint8ClampedArray([0, 100, 255, 7]);
      assert.equal(m.clamped_invert(pixels), undefined);
      assert.deepEqual([...pixels], [255, 155, 0, 248], 'written back');
      const empty = new Uint8ClampedArray(0);
      m.clamped_invert(empty);
      assert.equal(empty.length, 0);
      assert.equal(m.clamped_to_js(), 'Uint8ClampedArray 0,128,255 / [0, 128, 255] [9, 9, 9]');
    });

    test('slices are copied in; &mut [T] writes back', () => {
      assert.equal(m.sum_u8(new Uint8Array([1, 2, 250])), 253);
      assert.equal(m.sum_u8([]), 0);
      assert.equal(m.sum_i64(new BigInt64Array([5n, -7n])), -2n);
      const million = new Float64Array(1_000_000).fill(0.5);
      assert.equal(m.sum_f64(million), 500000);
      const ints = new Int32Array([1, -2, 3]);
      assert.equal(m.double_in_place(ints), undefined);
      assert.deepEqual(ints, new Int32Array([2, -4, 6]));
      const plain = [1, 2];
      m.double_in_place(plain);
      assert.deepEqual(plain, [2, 4], 'plain arrays are written back too');
      const floats = new Float32Array([1.5, -2]);
      assert.equal(m.negate_f32(floats), 2);
      assert.deepEqual(floats, new Float32Array([-1.5, 2]));
    });

    test('every number slice arrives element by element, empty and NaN included', () => {
      const cases = [
        ['show_i8', Int8Array, [-128, 0, 127], '[-128, 0, 127]'],
        ['show_u16', Uint16Array, [0, 65535], '[0, 65535]'],
        ['show_i16', Int16Array, [-32768, 32767], '[-32768, 32767]'],
        ['show_u32', Uint32Array, [0, 4294967295], '[0, 4294967295]'],
        ['show_u64', BigUint64Array, [0n, 18446744073709551615n], '[0, 18446744073709551615]'],
        ['show_f32', Float32Array, [NaN, -0.5, Infinity], '[NaN, -0.5, inf]'],
      ];
      for (const [f, Ctor, values, shown] of cases) {
        assert.equal(m[f](new Ctor(values)), shown, f);
        assert.equal(m[f](new Ctor(0)), '[]', `${f}(empty)`);
        assert.equal(m[f]([]), '[]', `${f}([])`);
      }
      assert.equal(m.show_i8([-1, 300]), '[-1, 44]', 'plain arrays convert like the typed array does');
    });

    test('&mut [u8], &mut [f64], &mut [i64]: changes are written back, empty and NaN included', () => {
      const bytes = new Uint8Array([0, 254, 255]);
      assert.equal(m.bump_u8(bytes), 3);
      assert.deepEqual(bytes, new Uint8Array([1, 255, 0]));
      const floats = new Float64Array([NaN, 1.5, -0, Infinity]);
      assert.equal(m.negate_f64(floats), 4);
      assert.deepEqual(floats, new Float64Array([0, -1.5, 0, -Infinity]));
      assert.ok(Object.is(floats[2], 0), '-0 negated is +0');
      const longs = new BigInt64Array([1n, -9223372036854775808n, 9223372036854775807n]);
      assert.equal(m.negate_i64(longs), 3);
      assert.deepEqual(longs, new BigInt64Array([-1n, -9223372036854775808n, -9223372036854775807n]));
      const plain = [5n, -6n];
      m.negate_i64(plain);
      assert.deepEqual(plain, [-5n, 6n], 'plain arrays are written back with bigints');
      for (const [f, Ctor] of [['bump_u8', Uint8Array], ['negate_f64', Float64Array], ['negate_i64', BigInt64Array]]) {
        const empty = new Ctor(0);
        assert.equal(m[f](empty), 0, `${f}(empty)`);
        assert.equal(empty.length, 0);
      }
      const sub = new Float64Array([1, 2, 3, 4]).subarray(1, 3);
      m.negate_f64(sub);
      assert.deepEqual(new Float64Array(sub.buffer), new Float64Array([1, -2, -3, 4]), 'a subarray writes back into its own window');
    });

    test('vectors of strings, JS values, classes and enums are arrays', () => {
      assert.deepEqual(m.vec_string(['a', 'é😀', '']), ['a', 'é😀', '']);
      const o = {};
      const values = m.vec_value([1, 'x', o, null]);
      assert.deepEqual(values, [1, 'x', o, null]);
      assert.equal(values[2], o);
      const things = m.make_things(3);
      assert.deepEqual(things.map((t) => t.id), [0, 1, 2]);
      assert.ok(things.every((t) => t instanceof m.Thing));
      const back = m.vec_thing(things);
      assert.deepEqual(back.map((t) => t.id), [0, 1, 2]);
      assert.equal(things[0].__wbg_ptr, 0, 'moved into Rust');
      assert.deepEqual(m.vec_level([m.Level.Low, m.Level.High]), [1, 10]);
      assert.deepEqual(m.vec_fruit(['pear', 'apple']), ['pear', 'apple']);
      assert.throws(() => m.vec_string([1]), { message: 'array contains a value of the wrong type (expected an array of strings)' });
      assert.throws(() => m.vec_thing(['not a Thing']), { name: 'TypeError', message: 'array contains a value of the wrong type: expected Thing objects, got string' });
      assert.deepEqual(m.vec_string([]), []);
    });

    test('an enum with negative values holds i32s', () => {
      assert.deepEqual(
        [m.Signed.Min, m.Signed.Minus, m.Signed.Zero, m.Signed.Max],
        [-2147483648, -1, 0, 2147483647],
      );
      assert.equal(m.Signed[-1], 'Minus');
      assert.equal(m.id_signed(m.Signed.Minus), -1);
      assert.equal(m.signed_value(m.Signed.Min), -2147483648);
      assert.equal(m.signed_value(m.Signed.Max), 2147483647);
      assert.equal(m.signed_below(m.Signed.Zero), m.Signed.Minus);
      assert.equal(m.signed_below(m.Signed.Minus), m.Signed.Min);
      assert.equal(m.signed_below(m.Signed.Max), undefined);
      assert.equal(m.opt_signed(undefined), undefined);
      assert.equal(m.opt_signed(m.Signed.Min), -2147483648);
      assert.equal(m.opt_signed(m.Signed.Zero), 0);
      assert.deepEqual(m.vec_signed([m.Signed.Max, m.Signed.Min, m.Signed.Minus]), [2147483647, -2147483648, -1]);
      assert.throws(() => m.id_signed(1), { name: 'TypeError' });
      assert.throws(() => m.id_signed(4294967295), { name: 'TypeError' });
    });

    test('u128 and i128 are bigint', () => {
      for (const v of [0n, 1n, (1n << 64n) + 5n, (1n << 128n) - 1n]) assert.equal(m.id_u128(v), v);
      for (const v of [0n, -1n, -(1n << 127n), (1n << 127n) - 1n, -(1n << 64n)]) assert.equal(m.id_i128(v), v);
      for (const v of [0n, 1n, (1n << 64n) + 5n, (1n << 128n) - 1n]) assert.equal(m.opt_u128(v), v);
      for (const v of [0n, -1n, -(1n << 127n), (1n << 127n) - 1n]) assert.equal(m.opt_i128(v), v);
      for (const none of [undefined, null]) {
        assert.equal(m.opt_u128(none), undefined);
        assert.equal(m.opt_i128(none), undefined);
      }
    });

    test('MaybeUninit<T> slices and vectors are typed arrays of T', () => {
      const back = m.uninit_copy(new Uint16Array([1, 65535]));
      assert.ok(back instanceof Uint16Array);
      assert.deepEqual([...back], [1, 65535]);
      const clamped = m.uninit_clamped(new Uint8ClampedArray([0, 255]));
      assert.ok(clamped instanceof Uint8ClampedArray);
      assert.deepEqual([...clamped], [0, 255]);
    });

    test('pointers are numbers', () => {
      const p = m.buffer_ptr();
      assert.equal(typeof p, 'number');
      assert.equal(m.read_byte(p, 2), 3);
      assert.equal(m.nonnull_roundtrip(p), p);
      assert.equal(m.nonnull_roundtrip(undefined), undefined);
      assert.equal(m.opt_ptr_roundtrip(p), p);
      assert.equal(m.opt_ptr_roundtrip(0), 0, 'Some(null) is 0, not None');
      assert.equal(m.opt_ptr_roundtrip(null), undefined);
      assert.equal(m.opt_ptr_roundtrip(undefined), undefined);
      assert.equal(m.opt_ptr_mut_is_null(0), true);
      assert.equal(m.opt_ptr_mut_is_null(8), false);
      assert.equal(m.opt_ptr_mut_is_null(undefined), undefined);
    });

    test('*mut T and NonNull<T> exports: addresses JS holds and hands back', () => {
      const counter = m.counter_new(41);
      assert.equal(typeof counter, 'number');
      assert.ok(counter > 0);
      assert.equal(m.counter_bump(counter), 42);
      assert.equal(m.counter_bump(counter), 43);
      assert.equal(m.counter_free(counter), 43);
      const byte = m.byte_new(200);
      assert.equal(typeof byte, 'number');
      assert.equal(m.byte_read(byte), 200);
      m.byte_free(byte);
      assert.throws(() => m.byte_read(0), { message: 'expected a number argument that is not 0 (a NonNull pointer from JS was 0)' });
    });

    test('Result: Err throws the value; JsError throws a real Error', () => {
      assert.equal(m.divide(7, 2), 3);
      assert.throws(() => m.divide(1, 0), (e) => e === 'division by zero');
      assert.equal(m.checked(false), 'fine');
      assert.throws(() => m.checked(true), (e) => e instanceof Error && e.message === 'bad input');
      const made = m.make_error('un-thrown');
      assert.ok(made instanceof Error);
      assert.equal(made.message, 'un-thrown');
      assert.equal(m.string_error(false), undefined);
      assert.throws(() => m.string_error(true), (e) => e === 'plain string error');
      assert.equal(m.parse_number(' 42 '), 42);
      assert.throws(() => m.parse_number('x'), (e) => e instanceof Error && e.message === 'invalid digit found in string');
      assert.deepEqual(m.result_vec(2), new Uint8Array([7, 7]));
      assert.throws(() => m.result_vec(9), (e) => e === 9);
      assert.equal(m.result_thing(true).id, 5);
      assert.throws(() => m.result_thing(false), /no thing/);
      assert.equal(m.divide(9, 3), 3, 'usable after throwing');
    });

    test('Result<T, JsValue> for many T: Ok returns the value, Err throws it', () => {
      const o = { k: 1 };
      const cases = [
        ['res_bool', [true, false]], ['res_f64', [1.5, -0, Infinity, Number.MAX_VALUE]],
        ['res_u64', [0n, 18446744073709551615n]], ['res_char', ['a', '😀']], ['res_value', [o, null, 'x', 5]],
        ['res_opt_u32', [7, 0, undefined]], ['res_strings', [['a', 'é😀'], []]],
        ['res_level', [m.Level.Low, m.Level.High]], ['res_u128', [0n, (1n << 128n) - 1n]],
      ];
      for (const [f, values] of cases) {
        for (const v of values) {
          assert.deepEqual(m[f](v, false), v, `${f}(${String(v)})`);
          assert.throws(() => m[f](v, true), (e) => e === `${f} failed`, `${f} throws`);
        }
      }
      assert.ok(Number.isNaN(m.res_f64(NaN, false)));
      assert.ok(Object.is(m.res_f64(-0, false), -0));
      assert.equal(m.res_value(o, false), o, 'the same object');
      assert.equal(m.res_opt_u32(null, false), undefined);
      assert.equal(m.res_u64(1n, false), 1n, 'usable after throwing');
    });

    test('Result<T, E> with a custom error type E: Into<JsValue>', () => {
      assert.equal(m.number_on_line('1\n 42 \n', 1), 42);
      assert.throws(() => m.number_on_line('1\nx', 1), (e) => e instanceof Error && e.message === 'line 1: not a number');
      assert.throws(() => m.number_on_line('1', 5), (e) => e instanceof Error && e.message === 'line 5: no such line');
    });

    test('imports take and return the same types', () => {
      assert.equal(m.imports_round_trip(), 'ok');
    });

    test('async exports return promises that resolve and reject', async () => {
      const p = m.double_later(21);
      assert.ok(p instanceof Promise);
      assert.equal(await p, 42);
      await assert.rejects(m.reject_later('nope'), (e) => e instanceof Error && e.message === 'nope');
      assert.equal(await m.plain_async(), 'no result type');
      const first = m.borrowed_across_await('ä', new Uint8Array([1, 2]), { k: 1 });
      const second = m.borrowed_across_await('b', new Uint8Array([3]), 'other');
      assert.equal(m.imports_round_trip(), 'ok', 'other calls lend values while the futures wait');
      assert.equal(await first, 'ä [1, 2] JsValue(Object({"k":1}))');
      assert.equal(await second, 'b [3] JsValue("other")');
      const thrown = { why: 'rejected' };
      assert.equal(await m.await_rejection(Promise.reject(thrown)), thrown);
      assert.equal(await m.await_rejection(Promise.resolve(3)), 'resolved JsValue(3)');
      assert.equal(await m.await_rejection(7), 'resolved JsValue(7)', 'non-promises resolve to themselves');
      const many = await Promise.all([1, 2, 3, 4].map((x) => m.double_later(x)));
      assert.deepEqual(many, [2, 4, 6, 8]);
    });

    test('an export returning future_to_promise(..) directly', async () => {
      const p = m.promise_sum(40, 2);
      assert.ok(p instanceof Promise);
      assert.equal(await p, 42);
      await assert.rejects(m.promise_rejects('refused'), (e) => e instanceof Error && e.message === 'refused');
    });

    test('spawn_local runs a task to completion', async () => {
      const before = reported.length;
      m.spawn_task(41);
      for (let i = 0; i < 50 && reported.length === before; i++) await sleep(2);
      assert.equal(reported.at(-1), 42);
    });

    test('serde: from_serde and into_serde', () => {
      assert.deepEqual(m.settings_to_js(), { name: 'wbg', volume: 0.5, tags: ['a', 'b'], limit: null });
      assert.equal(m.settings_from_js({ name: 'x', volume: 1, tags: [], limit: 3 }), 'x 1 [] Some(3)');
      assert.throws(() => m.settings_from_js({ name: 1 }), (e) => e instanceof Error && /invalid type/.test(e.message));
    });

    test('.d.ts types', () => {
      const dts = readFileSync(path.join(outDir('types', target), 'types.d.ts'), 'utf8');
      for (const line of [
        'export function opt_u32(x?: number | null): number | undefined;',
        'export function opt_string(x?: string | null): string | undefined;',
        'export function opt_thing(x?: Thing | null): Thing | undefined;',
        'export function opt_bytes(x?: Uint8Array | null): Uint8Array | undefined;',
        'export function vec_f64(x: Float64Array): Float64Array;',
        'export function vec_u64(x: BigUint64Array): BigUint64Array;',
        'export function vec_string(x: string[]): string[];',
        'export function vec_thing(x: Thing[]): Thing[];',
        'export function vec_fruit(x: Fruit[]): Fruit[];',
        '  Minus = -1,',
        'export function opt_signed(x?: Signed | null): Signed | undefined;',
        'export function clamped(x: Uint8ClampedArray): Uint8ClampedArray;',
        'export function clamped_sum(x: Uint8ClampedArray): number;',
        'export function clamped_invert(x: Uint8ClampedArray): void;',
        'export function opt_str(x?: string | null): string;',
        'export function res_opt_u32(x: number | null | undefined, fail: boolean): number | undefined;',
        'export function sum_f64(v: Float64Array): number;',
        'export function double_in_place(v: Int32Array): void;',
        'export function id_u128(x: bigint): bigint;',
        'export function divide(a: number, b: number): number;',
        'export function checked(fail: boolean): string;',
        'export function double_later(x: number): Promise<number>;',
        'export function plain_async(): Promise<string>;',
        'export function borrowed_across_await(name: string, bytes: Uint8Array, value: any): Promise<string>;',
        'export function buffer_ptr(): number;',
        'export function counter_new(start: number): number;',
        'export function byte_read(p: number): number;',
        'export function promise_sum(a: number, b: number): Promise<any>;',
      ]) {
        assert.ok(dts.includes(line), `missing: ${line}`);
      }
    });
  });
}
