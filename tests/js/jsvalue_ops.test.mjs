// JsValue's JS operators, type tests, bigint conversions, UnwrapThrowExt, intern and the
// module objects (tests/fixtures/jsvalue_ops), for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, load } from './support.mjs';

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;
const I128_MIN = -(2n ** 127n);
const I128_MAX = 2n ** 127n - 1n;
const U128_MAX = 2n ** 128n - 1n;

for (const target of TARGETS) {
  describe(`jsvalue_ops (${target})`, () => {
    let m;
    before(async () => { m = await load('jsvalue_ops', target); });

    test('TryFromJsValue: each type takes only its own JS values, and gives the value back otherwise', () => {
      const cases = [
        ['i8', 128, 'ok -128'], ['i8', 42.5, 'ok 42'], ['i8', '1', 'err'], ['i8', true, 'err'], ['i8', null, 'err'],
        ['u8', -1, 'ok 255'], ['u8', 256, 'ok 0'], ['u32', 100000, 'ok 100000'], ['u32', undefined, 'err'],
        ['f32', 2 ** 32, 'ok 4294967300.0'], ['f64', -0.5, 'ok -0.5'], ['f64', '42.5', 'err'], ['f64', 1n, 'err'],
        ['i64', I64_MIN, `ok ${I64_MIN}`], ['i64', 25, 'err'], ['u64', -1n, 'err'], ['u64', U64_MAX, `ok ${U64_MAX}`],
        ['u128', U128_MAX, `ok ${U128_MAX}`], ['u128', 42, 'err'],
        ['bool', false, 'ok false'], ['bool', 1, 'err'], ['char', 'a', "ok 'a'"], ['char', 'ab', 'err'], ['char', '', 'err'],
        ['string', '', 'ok ""'], ['string', 42, 'err'], ['unit', undefined, 'ok ()'], ['unit', null, 'err'],
        ['jsvalue', null, 'ok JsValue(null)'], ['option_i64', undefined, 'ok None'], ['option_i64', null, 'err'],
        ['option_i64', 42n, 'ok Some(42)'], ['option_jsvalue', null, 'ok Some(JsValue(null))'],
        ['vec_string', ['a', ''], 'ok ["a", ""]'], ['vec_string', ['a', 1], 'err'], ['vec_string', { 0: 'a', length: 1 }, 'err'],
        ['vec_i32', [1, 2], 'ok [1, 2]'], ['vec_vec_string', [['a'], []], 'ok [["a"], []]'],
        ['vec_option_string', ['a', undefined], 'ok [Some("a"), None]'],
        ['date', {}, 'err'],
      ];
      for (const [kind, value, expected] of cases) assert.equal(m.try_convert(kind, value), expected, `${kind} of ${String(value)}`);
      assert.match(m.try_convert('date', new Date(0)), /^ok /);
    });

    test('binary operators are the JS operators', () => {
      assert.equal(m.op_add(1, 2), 3);
      assert.equal(m.op_add(1n, 2n), 3n);
      assert.equal(m.op_add('a', 1), 'a1');
      assert.equal(m.op_add([1], {}), '1[object Object]');
      assert.equal(m.op_sub(10n, 20n), -10n);
      assert.equal(m.op_sub('5', 2), 3);
      assert.equal(m.op_mul(6, 7), 42);
      assert.equal(m.op_mul(2n ** 64n, 2n ** 64n), 2n ** 128n);
      assert.equal(m.op_div(7, 2), 3.5);
      assert.equal(m.op_div(7n, 2n), 3n);
      assert.equal(m.op_div(1, 0), Infinity);
      assert.equal(m.op_rem(-7, 3), -1);
      assert.equal(m.op_rem(7n, 3n), 1n);
      assert.equal(m.op_bit_and(0b1100, 0b1010), 0b1000);
      assert.equal(m.op_bit_or(0b1100, 0b1010), 0b1110);
      assert.equal(m.op_bit_xor(0b1100, 0b1010), 0b0110);
      assert.equal(m.op_bit_and(-1n, 255n), 255n);
      assert.equal(m.op_shl(1, 31), -2147483648);
      assert.equal(m.op_shl(1n, 100n), 2n ** 100n);
      assert.equal(m.op_shr(-16, 2), -4);
      assert.equal(m.op_shr(-16n, 2n), -4n);
      assert.equal(m.op_pow(2, 10), 1024);
      assert.equal(m.op_pow(3n, 40n), 3n ** 40n);
      assert.ok(Number.isNaN(m.op_mul('x', 2)));
    });

    test('every owned/borrowed combination gives the same result', () => {
      assert.deepEqual(m.op_add_combinations('x', 'y'), ['xy', 'xy', 'xy', 'xy']);
      assert.deepEqual(m.op_add_combinations(40n, 2n), [42n, 42n, 42n, 42n]);
    });

    test('what JS throws reaches the caller', () => {
      assert.throws(() => m.op_add(1n, 1), TypeError);
      assert.throws(() => m.op_div(1n, 0n), RangeError);
      assert.throws(() => m.op_unsigned_shr(1n, 1n), TypeError);
      assert.throws(() => m.op_neg(Symbol('s')), TypeError);
      assert.throws(() => m.op_in('x', 5), TypeError);
    });

    test('unary operators: -, !, ~', () => {
      assert.equal(m.op_neg(5), -5);
      assert.equal(m.op_neg(5n), -5n);
      assert.equal(m.op_neg('3'), -3);
      assert.equal(m.op_neg_owned(-2n), 2n);
      assert.ok(Object.is(m.op_neg(0), -0));
      for (const falsy of [0, '', null, undefined, false, 0n, NaN]) assert.equal(m.op_not(falsy), true, String(falsy));
      for (const truthy of [1, 'a', {}, [], true, 1n]) assert.equal(m.op_not(truthy), false, String(truthy));
      assert.equal(m.op_bit_not(0), -1);
      assert.equal(m.op_bit_not(5n), -6n);
    });

    test('unsigned_shr is >>> as a u32', () => {
      assert.equal(m.op_unsigned_shr(-1, 0), 4294967295);
      assert.equal(m.op_unsigned_shr(-16, 28), 15);
      assert.equal(m.op_unsigned_shr(256, 4), 16);
    });

    test('checked_div returns the RangeError instead of throwing it', () => {
      const e = m.op_checked_div(1n, 0n);
      assert.ok(e instanceof RangeError, String(e));
      assert.equal(m.op_checked_div(9n, 2n), 4n);
      assert.equal(m.op_checked_div(1, 0), Infinity);
      assert.throws(() => m.op_checked_div(1n, 1), TypeError, 'other errors are still thrown');
    });

    test('comparisons are <, <=, >, >=', () => {
      assert.deepEqual([...m.op_compare(1, 2)], [1, 1, 0, 0]);
      assert.deepEqual([...m.op_compare(2, 2)], [0, 1, 0, 1]);
      assert.deepEqual([...m.op_compare(3n, 2)], [0, 0, 1, 1]);
      assert.deepEqual([...m.op_compare('b', 'a')], [0, 0, 1, 1]);
      assert.deepEqual([...m.op_compare(NaN, 1)], [0, 0, 0, 0]);
    });

    test('loose_eq is ==, PartialEq is ===', () => {
      assert.equal(m.op_loose_eq(null, undefined), true);
      assert.equal(m.op_strict_eq(null, undefined), false);
      assert.equal(m.op_loose_eq(1, '1'), true);
      assert.equal(m.op_strict_eq(1, '1'), false);
      assert.equal(m.op_loose_eq(1n, 1), true);
      assert.equal(m.op_loose_eq(NaN, NaN), false);
      assert.equal(m.op_strict_eq(NaN, NaN), false);
      const o = {};
      assert.equal(m.op_strict_eq(o, o), true);
      assert.equal(m.op_loose_eq({}, {}), false);
    });

    test('PartialEq with Rust numbers and strings', () => {
      assert.deepEqual([...m.eq_rust(5, 5, 'x')], [1, 0, 0]);
      assert.deepEqual([...m.eq_rust(5n, 5, 'x')], [0, 1, 0]);
      assert.deepEqual([...m.eq_rust('x', 5, 'x')], [0, 0, 1]);
      assert.deepEqual([...m.eq_rust('5', 5, 'x')], [0, 0, 0]);
    });

    test('in and typeof', () => {
      assert.equal(m.op_in('a', { a: 1 }), true);
      assert.equal(m.op_in('b', { a: 1 }), false);
      assert.equal(m.op_in(0, ['x']), true);
      assert.equal(m.op_in('toString', {}), true);
      for (const [v, t] of [[1, 'number'], ['s', 'string'], [1n, 'bigint'], [Symbol(), 'symbol'], [null, 'object'],
        [undefined, 'undefined'], [() => 1, 'function'], [true, 'boolean'], [{}, 'object']]) {
        assert.equal(m.op_typeof(v), t);
      }
    });

    test('type tests: symbol, array, bigint, truthy, falsy', () => {
      assert.deepEqual([...m.type_tests(Symbol('x'))], [1, 0, 0, 1, 0]);
      assert.deepEqual([...m.type_tests([])], [0, 1, 0, 1, 0]);
      assert.deepEqual([...m.type_tests(new Uint8Array(2))], [0, 0, 0, 1, 0]);
      assert.deepEqual([...m.type_tests(0n)], [0, 0, 1, 0, 1]);
      assert.deepEqual([...m.type_tests('')], [0, 0, 0, 0, 1]);
      assert.deepEqual([...m.type_tests({ length: 0 })], [0, 0, 0, 1, 0]);
    });

    test('symbols and bigints made in Rust', () => {
      const s = m.make_symbol('desc');
      assert.equal(typeof s, 'symbol');
      assert.equal(s.description, 'desc');
      assert.notEqual(m.make_symbol('desc'), s, 'every symbol is new');
      assert.equal(m.make_symbol(undefined).description, undefined);
      assert.equal(m.make_symbol('').description, '');
      assert.equal(m.bigint_from_str('-123456789012345678901234567890'), -123456789012345678901234567890n);
      assert.throws(() => m.bigint_from_str('1.5'), SyntaxError);
    });

    test('64- and 128-bit integers become bigints at their extremes', () => {
      assert.deepEqual(m.big_constants(), [I64_MIN, I64_MAX, U64_MAX, I128_MIN, I128_MAX, U128_MAX, -1n]);
    });

    test('TryFrom<JsValue> for i64/u64/i128/u128 round-trips in range', () => {
      for (const v of [0n, 1n, -1n, I64_MIN, I64_MAX]) assert.equal(m.through_i64(v), v);
      for (const v of [0n, 1n, U64_MAX]) assert.equal(m.through_u64(v), v);
      for (const v of [0n, -1n, I64_MIN, U64_MAX, I128_MIN, I128_MAX, -(2n ** 64n), 2n ** 100n + 7n]) assert.equal(m.through_i128(v), v);
      for (const v of [0n, U64_MAX, 2n ** 64n, U128_MAX]) assert.equal(m.through_u128(v), v);
      assert.equal(m.i128_is(I128_MIN, I128_MIN), true);
      assert.equal(m.i128_is(-5n, -5n), true);
      assert.equal(m.i128_is(-5n, 5n), false);
    });

    test('TryFrom fails with the value back: not a bigint, or out of range', () => {
      const fails = (f, v) => assert.throws(() => f(v), (e) => Object.is(e, v), `${f.name}(${String(v)})`);
      for (const v of [I64_MAX + 1n, I64_MIN - 1n, 1, '1', null]) fails(m.through_i64, v);
      for (const v of [-1n, U64_MAX + 1n, 5]) fails(m.through_u64, v);
      for (const v of [I128_MAX + 1n, I128_MIN - 1n, 1.5, undefined]) fails(m.through_i128, v);
      for (const v of [-1n, U128_MAX + 1n, 2n ** 200n, 'x']) fails(m.through_u128, v);
      const o = {};
      fails(m.through_i64, o);
    });

    test('f64::try_from is unary +, returning what JS threw', () => {
      assert.equal(m.to_number('42'), 42);
      assert.equal(m.to_number(true), 1);
      assert.equal(m.to_number(null), 0);
      assert.ok(Number.isNaN(m.to_number('x')));
      assert.throws(() => m.to_number(1n), TypeError);
      assert.throws(() => m.to_number(Symbol()), TypeError);
      assert.equal(m.to_number_unchecked('8'), 8);
      assert.throws(() => m.to_number_unchecked(1n), TypeError);
    });

    test('String::try_from gives the value back when it is not a string', () => {
      assert.equal(m.to_string('héllo'), 'héllo');
      const o = { not: 'a string' };
      assert.throws(() => m.to_string(o), (e) => e === o);
    });

    test('unwrap_throw and expect_throw throw a JS Error with the message', () => {
      assert.equal(m.unwrap_some(7), 7);
      assert.equal(m.expect_ok(8), 8);
      assert.throws(() => m.unwrap_none(), { name: 'Error', message: 'called `Option::unwrap_throw()` on a `None` value' });
      assert.throws(() => m.expect_none('no value here'), { name: 'Error', message: 'no value here' });
      assert.throws(() => m.unwrap_err(), { name: 'Error', message: 'called `Result::unwrap_throw()` on an `Err` value' });
      // The module stays usable after the throw (no trap).
      assert.equal(m.unwrap_some(9), 9);
    });

    test('throw_str and throw_val', () => {
      assert.throws(() => m.throw_message('custom'), { name: 'Error', message: 'custom' });
      const v = { mine: true };
      assert.throws(() => m.throw_value(v), (e) => e === v);
      assert.throws(() => m.throw_value(3), (e) => e === 3);
    });

    test('externref_heap_live_count counts the JS values Rust holds', () => {
      const [before, during, after] = m.live_count_while_holding(5);
      assert.equal(during, before + 5);
      assert.equal(after, before);
      assert.equal(m.heap_live_count(), m.heap_live_count(), 'a count does not leak');
    });

    test('intern keeps the JS string until unintern (enable-interning)', () => {
      const base = m.heap_live_count();
      assert.equal(m.intern_str('interned text'), 'interned text');
      assert.equal(m.heap_live_count(), base + 1);
      m.intern_str('interned text');
      assert.equal(m.heap_live_count(), base + 1, 'interning twice keeps one string');
      assert.deepEqual(m.from_str_twice('interned text'), ['interned text', 'interned text']);
      m.unintern_str('interned text');
      assert.equal(m.heap_live_count(), base);
      m.unintern_str('never interned');
      assert.equal(m.heap_live_count(), base);
    });

    test('memory(), exports() and function_table() are the module\'s objects', () => {
      const [memory, exports, table] = m.module_objects();
      assert.ok(memory instanceof WebAssembly.Memory);
      assert.equal(exports.memory, memory);
      assert.ok(Object.values(exports).some((f) => typeof f === 'function'));
      assert.ok(table === undefined || table instanceof WebAssembly.Table);
    });

    test('JsValue::from(Vec<T>): typed arrays for numbers, arrays for JS values and strings', () => {
      const [u8, clamped, i16, u64, f32, f64, values, strings, empty] = m.vectors_into_js();
      assert.ok(u8 instanceof Uint8Array);
      assert.deepEqual([...u8], [1, 2, 255]);
      assert.ok(clamped instanceof Uint8ClampedArray);
      assert.deepEqual([...clamped], [0, 128]);
      assert.ok(i16 instanceof Int16Array);
      assert.deepEqual([...i16], [-1, 300]);
      assert.ok(u64 instanceof BigUint64Array);
      assert.deepEqual([...u64], [2n ** 64n - 1n, 0n]);
      assert.ok(f32 instanceof Float32Array);
      assert.deepEqual([...f32], [0.5]);
      assert.ok(f64 instanceof Float64Array);
      assert.deepEqual([...f64], [1.25, -2]);
      assert.notEqual(u8.buffer, m.module_objects()[0].buffer, 'a copy, not a view of wasm memory');
      assert.deepEqual(values, [1, null, 'x']);
      assert.deepEqual(strings, ['a', 'β']);
      assert.ok(empty instanceof Uint32Array);
      assert.equal(empty.length, 0);
    });

    test('an array made from a Vec<JsValue> takes its values over', () => {
      const [before, after] = m.array_from_vec_live_counts(4);
      assert.equal(after, before + 1, 'only the array itself is held by Rust');
    });

    test('an imported type that extends another derives PartialEq/Eq from its parent', () => {
      const a = [1];
      assert.equal(m.same_array(a, a), true);
      assert.equal(m.same_array(a, [1]), false);
      assert.equal(m.same_array(a, { length: 1 }), undefined, 'is_type_of is Array.isArray');
      assert.equal(m.same_array('x', a), undefined);
    });

    test('Option<&JsValue>, Option<&Closure> and Option<&ImportedType> lent to an import: None is undefined', () => {
      assert.deepEqual(m.optional_borrows({}), ['none', 'some object', 'none', 'some function', 'none', 'none']);
      assert.deepEqual(m.optional_borrows([]).slice(4), ['none', 'some object']);
      assert.deepEqual(m.optional_borrows(0).slice(0, 2), ['none', 'some number']);
    });

    test('JsFuture::from takes any imported type', async () => {
      assert.equal(await m.await_imported(Promise.resolve(5)), 5);
      const reason = new Error('no');
      await assert.rejects(m.await_imported(Promise.reject(reason)), (e) => e === reason);
    });

    test('JsError clones into a JS Error', () => {
      const e = m.js_error('cloned');
      assert.ok(e instanceof Error);
      assert.equal(e.message, 'cloned');
    });
  });
}
