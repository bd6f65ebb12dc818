// Rust closures as JS functions, for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, load } from './support.mjs';

const STACK_GONE = /closure invoked after it was dropped: a stack closure \(`&dyn Fn` \/ `&mut dyn FnMut`\) is only valid while the import it was passed to is running/;
const HEAP_GONE = /closure invoked after it was dropped: the Rust `Closure` was dropped/;
const REENTERED = /recursive use of a `FnMut` closure: it was called again while it was still running/;
const ONCE_TWICE = /a `Closure::once` closure was called a second time/;

let kept;
let keptMut;
let stored;
let predResults;
let pointResults;
globalThis.wbgClosures = {
  call_fn(f, x) { return f(x) + f(x + 1) + f(x + 2); },
  call_fn_mut(f) { f(); f(); f(); },
  keep(f) { kept = f; return f(5); },
  call_many(f) { return f(255, -32768, 4294967295, 1.5, -2.25, true, '😀', 'héllo'); },
  call_struct(f) { return f(new globalThis.wbgClosures.Point(1.5, 2)); },
  call_value(f) { f({}, 1n); return f('v', 41n); },
  store(f) { stored = f; },
  call_self: null,
  keep_mut(f) { keptMut = f; f(1); return f(2); },
  call_pred(f) { predResults = [f(-1), f(0), f(5)]; },
  call_str(f) { return [f('héllo'), f(''), f('😀'.repeat(40))].join(' '); },
  call_point_ref(f) {
    const p = new globalThis.wbgClosures.Point(1.5, 2);
    const first = f(p);
    const second = f(p);
    pointResults = [p.x, p.y];
    p.free();
    return first + second;
  },
  call_thing(f) { return f({ label: 'a' }) + f({ label: 'b' }); },
  call_make_point(f) {
    const p = f(1.5, 2);
    pointResults = [p instanceof globalThis.wbgClosures.Point, p.x, p.y];
    const sum = p.x + p.y;
    p.free();
    return sum;
  },
};

for (const target of TARGETS) {
  describe(`closures (${target})`, () => {
    let m;
    before(async () => {
      m = await load('closures', target);
      globalThis.wbgClosures.Point = m.Point;
    });

    test("stack FnMut keeps its state across calls (the seed's times_called)", () => {
      assert.equal(m.times_called(), 3);
    });

    test('stack Fn with captured state', () => {
      // (10*2+100) + (11*2+100) + (12*2+100)
      assert.equal(m.stack_fn(10), 366);
    });

    test('a stack closure returns strings, and throws once its import returned', () => {
      assert.equal(m.stack_escape(), 'x is 5');
      assert.throws(() => kept(6), STACK_GONE);
    });

    test('a &mut dyn FnMut kept by JS throws once its import returned', () => {
      assert.equal(m.stack_mut_escape(), 3);
      assert.throws(() => keptMut(3), STACK_GONE);
      assert.throws(() => keptMut(3), STACK_GONE, 'every later call throws');
    });

    test('closures returning bool', () => {
      m.stack_bool();
      assert.deepEqual(predResults, [false, false, true]);
      const positive = m.make_is_positive();
      assert.equal(positive(3), true);
      assert.equal(positive(-3), false);
    });

    test('closures returning an exported struct', () => {
      assert.equal(m.stack_struct(), 3.5);
      assert.deepEqual(pointResults, [true, 1.5, 2]);
      const factory = m.make_point_factory();
      const p = factory(1.5);
      assert.ok(p instanceof m.Point);
      assert.deepEqual([p.x, p.y], [1.5, 3]);
      p.free();
    });

    test('eight arguments of different types', () => {
      assert.equal(m.many_args(), '255 -32768 4294967295 1.5 -2.25 true 😀 héllo');
    });

    test('exported structs and JsValue/i64 arguments', () => {
      assert.equal(m.struct_arg(), 3.5);
      assert.equal(m.value_arg(), 'v 42');
    });

    test('heap closures created inside a function body', () => {
      const add5 = m.make_adder(5);
      assert.equal(typeof add5, 'function');
      assert.equal(add5(1), 6);
      assert.equal(add5(10), 15);
      const counter = m.make_counter();
      assert.equal(counter(), 1);
      assert.equal(counter(), 2);
      assert.equal(m.wrapped()(7), 21);
      assert.equal(m.forgotten()(), 7);
    });

    test('Closure::once: a second call throws', () => {
      const once = m.once_fn();
      assert.equal(once(3), 'once 3');
      assert.throws(() => once(4), ONCE_TWICE);
    });

    test('Closure::once dropped before it was called: the JS function throws and nothing leaks', () => {
      m.once_dropped_uncalled();
      const before = m.live_bytes();
      const f = m.once_dropped_uncalled();
      assert.equal(typeof f, 'function');
      assert.throws(() => f(1), HEAP_GONE);
      assert.equal(m.live_bytes(), before, 'the closure and what it captured were freed');
    });

    test('JS functions reach Rust as JsValue and can be called through an imported Function', () => {
      assert.equal(m.call_through_function(), 'got JsValue(4)');
      assert.equal(m.call_js_function((x) => x * 10, 4), 40);
      // A Rust closure round-trips: created in Rust, called by Rust through JS.
      assert.equal(m.call_js_function(m.make_adder(1), 41), 42);
    });

    test('dropping a Closure frees it; the JS function then throws', () => {
      const holder = new m.Holder('x is');
      const f = holder.function();
      assert.equal(f(1), 'x is 1 (1)');
      assert.equal(f(2), 'x is 2 (2)');
      holder.give_to_js();
      assert.equal(stored(3), 'x is 3 (3)', '&Closure passed to an import');
      holder.free();
      assert.throws(() => f(4), HEAP_GONE);
      assert.throws(() => stored(4), HEAP_GONE);
    });

    test('a FnMut re-entered from inside itself throws', () => {
      const f = m.make_reentrant();
      globalThis.wbgClosures.call_self = (depth) => f(depth);
      const inner = f(1);
      assert.ok(inner instanceof Error);
      assert.match(inner.message, REENTERED);
      assert.equal(f(0), 'inner', 'usable again afterwards');
    });

    test('a closure dropped while running is freed when the call returns', () => {
      const before = m.live_bytes();
      const f = m.make_self_dropping();
      assert.equal(f(), 1);
      assert.throws(() => f(), HEAP_GONE);
      assert.equal(m.live_bytes(), before, 'the deferred free happened');
    });

    test('a heap Closure<dyn FnMut(&JsValue)> is lent the very object JS passed', () => {
      const listener = m.make_listener();
      const event = { type: 'click' };
      m.remember(event);
      assert.equal(listener(event), undefined);
      listener({ type: 'click' });
      listener('keydown');
      assert.equal(m.heard(), 'click true\nclick false\n false');
      assert.equal(event.type, 'click', 'the object is only lent');
    });

    test('Closure::wrap of a Box<dyn Fn(&JsValue) -> bool>', () => {
      const isObject = m.make_is_object();
      assert.deepEqual([isObject({}), isObject([]), isObject(1), isObject('s'), isObject(null)], [true, true, false, false, false]);
    });

    test('closures taking &str, on the stack and on the heap', () => {
      assert.equal(m.stack_str(), `HÉLLO! ! ${'😀'.repeat(40)}!`);
      const count = m.make_char_count();
      assert.equal(count('héllo'), 5);
      assert.equal(count(''), 0);
      const before = m.live_bytes();
      for (let i = 0; i < 1000; i++) count('x'.repeat(100));
      assert.equal(m.live_bytes(), before, 'the strings JS passed were freed');
    });

    test('a Closure<dyn Fn(&Point) -> u32> borrows the object and leaves it usable', () => {
      const sum = m.make_point_sum();
      const p = new m.Point(1.5, 2.75);
      assert.equal(sum(p), 4);
      assert.equal(sum(p), 4, 'not consumed');
      assert.equal(p.x, 1.5);
      assert.throws(() => sum({ x: 1, y: 2 }), { name: 'TypeError', message: 'expected instance of Point, got object' });
      p.free();
      assert.throws(() => sum(p), /Attempt to use a moved value: this `Point` object was already freed/);
    });

    test('a Closure<dyn FnMut(&[u8]) -> u32> borrows a copy of the typed array', () => {
      const sum = m.make_byte_sum();
      const bytes = new Uint8Array([1, 2, 250]);
      assert.equal(sum(bytes), 253);
      assert.equal(sum(new Uint8Array(0)), 0);
      const before = m.live_bytes();
      for (let i = 0; i < 1000; i++) sum(bytes);
      assert.equal(m.live_bytes(), before, 'the copies were freed');
    });

    test('a stack &mut dyn FnMut(&Point) and a &dyn Fn(&Thing) (imported type)', () => {
      assert.equal(m.stack_point_ref(), 3.5 + 1 + 3.5 + 2);
      assert.deepEqual(pointResults, [1.5, 2]);
      assert.equal(m.stack_thing(), '<a><b>');
    });

    test('100 000 heap closures created and dropped leave the slab and the heap unchanged', () => {
      m.churn(10);
      const bytes = m.live_bytes();
      assert.equal(m.churn(100000), 100000);
      assert.equal(m.live_bytes(), bytes, 'wasm heap');
    });
  });

  describe(`closures object table (${target}, --debug)`, () => {
    let m;
    before(async () => { m = await load('closures', target, '-debug'); });

    test('the slab does not grow with created and dropped closures', () => {
      m.churn(10);
      const before = m.__wbg_heap_stats();
      m.churn(100000);
      const after = m.__wbg_heap_stats();
      assert.equal(after.capacity, before.capacity);
      assert.equal(after.live, before.live);
    });

    test('closures taking &JsValue leave the borrow stack empty, even when the call throws', () => {
      const listener = m.make_listener();
      const isObject = m.make_is_object();
      const before = m.__wbg_heap_stats();
      for (let i = 0; i < 10000; i++) {
        listener({ type: 'tick' });
        isObject({});
      }
      m.heard();
      const throwing = { get type() { throw new Error('no type'); } };
      assert.throws(() => listener(throwing), /no type/);
      const after = m.__wbg_heap_stats();
      assert.equal(after.stack, 0, 'borrow stack empty between calls');
      assert.equal(after.capacity, before.capacity);
      assert.equal(after.live, before.live);
    });
  });
}
