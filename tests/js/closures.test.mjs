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
  });
}
