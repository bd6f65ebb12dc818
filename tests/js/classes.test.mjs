// Exported structs as JS classes and exported enums, for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS, load, outDir } from './support.mjs';

const FREED = /Attempt to use a moved value: this `Counter` object was already freed \(its value was moved into Rust or free\(\) was called\)/;
const ALIASING = /recursive use of a `Counter` object detected: a method of it is still running, and taking `&mut self` now would alias a `&mut` borrow \(unsafe aliasing in Rust\)/;
const MOVE_REFUSED = /recursive use of a `Counter` object detected: a method of it is still running, and taking `self` now would alias a `&mut` borrow \(unsafe aliasing in Rust\)/;
const MOVED_TWICE = /Error: cannot move a `Counter` object into Rust: the same call also uses it \(as `this` or another argument\)/;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Lets earlier tests' garbage be collected and finalized, so counts start from a quiet point.
async function settle() {
  for (let i = 0; i < 10; i++) { globalThis.gc(); await sleep(5); }
}

// Imported by the fixture's `send_counter`: each test sets `receive` to see the value.
globalThis.wbgClasses = {
  receive: null,
  inspect_counter(value) { return globalThis.wbgClasses.receive(value); },
  onTagDropped: null,
  tag_dropped(id) { const f = globalThis.wbgClasses.onTagDropped; if (f) f(id); },
};

for (const target of TARGETS) {
  describe(`classes (${target})`, () => {
    let m;
    before(async () => { m = await load('classes', target); });

    test('constructor, methods, static methods', () => {
      const c = new m.Counter('apples');
      assert.ok(c instanceof m.Counter);
      assert.equal(c.get(), 0);
      assert.equal(c.increment(), 1);
      assert.equal(c.increment(), 2);
      assert.equal(c.history_len(), 2);
      const s = m.Counter.startingAt(40);
      assert.ok(s instanceof m.Counter);
      assert.equal(s.get(), 40);
      assert.equal(m.Counter.starting_at, undefined, 'js_name renames the static method');
      c.free();
      s.free();
    });

    test('public fields are properties; readonly, getter_with_clone, skip, js_name', () => {
      const c = new m.Counter('pears');
      assert.equal(c.count, 0);
      c.count = 7;
      assert.equal(c.get(), 7);
      assert.equal(typeof c.id, 'number');
      assert.throws(() => { 'use strict'; c.id = 99; }, TypeError, 'readonly field has no setter');
      assert.equal(c.label, 'pears');
      c.label = 'plums';
      assert.equal(c.label, 'plums');
      assert.equal(c.secret, undefined, 'skipped field');
      assert.equal(c.stepSize, 1);
      c.stepSize = 5;
      assert.equal(c.increment(), 12);
      c.free();
    });

    test('getter and setter methods, named and inferred, static getter', () => {
      const c = new m.Counter('kiwi');
      c.count = 4;
      assert.equal(c.doubled, 8);
      c.doubled = 20;
      assert.equal(c.count, 10);
      assert.equal(c.name, 'KIWI');
      c.name = 'lime';
      assert.equal(c.label, 'lime');
      const next = m.Counter.next_id;
      new m.Counter('x').free();
      assert.equal(m.Counter.next_id, next + 1);
      c.free();
    });

    test('use after free throws a clear Error, not a trap', () => {
      const c = new m.Counter('gone');
      c.free();
      assert.throws(() => c.get(), FREED);
      assert.throws(() => c.increment(), FREED);
      assert.throws(() => c.count, FREED);
      assert.throws(() => { c.count = 1; }, FREED);
      assert.throws(() => m.peek_counter(c), FREED);
      assert.throws(() => m.take_counter(c), FREED);
      c.free();
      c[Symbol.dispose]();
    });

    test('Symbol.dispose frees', () => {
      const before = m.drop_count();
      const c = new m.Counter('disposable');
      c[Symbol.dispose]();
      assert.equal(m.drop_count(), before + 1);
      assert.throws(() => c.get(), FREED);
    });

    test('consuming methods and by-value arguments neuter the JS object', () => {
      const c = new m.Counter('moving');
      assert.equal(c.into_label(), 'moving');
      assert.throws(() => c.get(), FREED);
      const d = new m.Counter('d');
      d.count = 3;
      assert.equal(m.take_counter(d), 3);
      assert.equal(d.__wbg_ptr, 0);
      assert.throws(() => d.get(), FREED);
      const a = new m.Counter('a');
      const b = new m.Counter('b');
      b.count = 2;
      assert.equal(a.absorb(b), 2);
      assert.throws(() => b.get(), FREED);
      a.free();
    });

    test('structs by reference, &mut, Option and as return values', () => {
      const c = m.make_counter(5);
      assert.ok(c instanceof m.Counter);
      assert.equal(m.peek_counter(c), 5);
      m.bump_counter(c);
      assert.equal(c.count, 105);
      const other = m.make_counter(1);
      assert.equal(c.add_from(other), 106);
      assert.equal(other.count, 1, 'borrowed argument stays usable');
      assert.equal(m.maybe_counter(undefined), 4294967295);
      assert.equal(m.maybe_counter(null), 4294967295);
      assert.equal(m.maybe_counter(other), 1);
      assert.throws(() => other.get(), FREED);
      assert.equal(m.maybe_make(0), undefined);
      assert.equal(m.maybe_make(9).count, 9);
      const copy = c.same();
      assert.notEqual(copy, c);
      assert.equal(copy.count, 106);
      assert.throws(() => m.peek_counter({}), { name: 'TypeError', message: 'expected instance of Counter, got object' });
      assert.throws(() => m.peek_counter(new m.Point2D(0, 0)), TypeError);
      c.free();
      copy.free();
    });

    test('Option<&Counter> and Option<&mut Counter> arguments: none, lent without moving, freed', () => {
      assert.equal(m.maybe_peek(null), 4294967295);
      assert.equal(m.maybe_peek(undefined), 4294967295);
      assert.equal(m.maybe_peek(), 4294967295);
      assert.equal(m.maybe_bump(null, 1), 0);
      assert.equal(m.maybe_bump(undefined, 1), 0);
      const c = m.make_counter(5);
      const drops = m.drop_count();
      assert.equal(m.maybe_peek(c), 5);
      assert.equal(m.maybe_peek(c), 5, 'still usable: lent, not moved');
      assert.equal(m.maybe_bump(c, 10), 1);
      assert.equal(c.count, 15, 'the change through &mut is visible');
      assert.equal(c.get(), 15);
      assert.equal(m.drop_count(), drops, 'nothing was dropped');
      // As a method argument, and the same object as receiver and argument.
      const other = m.make_counter(2);
      assert.equal(other.add_maybe(c), 17);
      assert.equal(other.add_maybe(undefined), 17);
      assert.equal(c.count, 15);
      assert.throws(() => c.add_maybe(c), /recursive use of a `Counter` object detected: .* taking `&self` now/);
      assert.equal(c.get(), 15, 'the refused call left the object usable');
      // While the object is mutably borrowed, lending it again is refused.
      let error;
      c.describe_while_mutating({ toJSON() { try { m.maybe_peek(c); } catch (e) { error = e; } return 0; } });
      assert.match(error.message, /recursive use of a `Counter` object detected: .* taking `&self` now/);
      assert.throws(() => m.maybe_peek({}), { name: 'TypeError', message: 'expected instance of Counter, got object' });
      assert.throws(() => m.maybe_bump(new m.Point2D(0, 0), 1), TypeError);
      c.free();
      assert.throws(() => m.maybe_peek(c), FREED);
      assert.throws(() => m.maybe_bump(c, 1), FREED);
      assert.throws(() => other.add_maybe(c), FREED);
      assert.equal(other.get(), 17, 'the receiver of the refused call is unharmed');
      other.free();
      const dts = readFileSync(path.join(outDir('classes', target), 'classes.d.ts'), 'utf8');
      assert.match(dts, /export function maybe_peek\(c\?: Counter \| null\): number;/);
      assert.match(dts, /export function maybe_bump\(c: Counter \| null \| undefined, by: number\): number;/);
    });

    test('re-entrant &mut use from a JS callback throws the aliasing error', () => {
      const c = new m.Counter('re-entrant');
      let error;
      const value = { toJSON() { try { c.increment(); } catch (e) { error = e; } return 'cb'; } };
      c.describe_while_mutating(value);
      assert.ok(error instanceof Error);
      assert.match(error.message, ALIASING);
      assert.equal(c.get(), 1, 'the outer &mut call completed; the borrow was released');
      let freeError;
      c.describe_while_mutating({ toJSON() { try { c.free(); } catch (e) { freeError = e; } return 1; } });
      assert.match(freeError.message, /recursive use of a `Counter` object detected/);
      assert.equal(c.get(), 2, 'free() during a call was refused');
      // Shared borrows may overlap; a &mut inside a & borrow may not.
      let shared, exclusive;
      c.describe_while_reading({ toJSON() { shared = c.get(); try { c.increment(); } catch (e) { exclusive = e; } return 0; } });
      assert.equal(shared, 2);
      assert.match(exclusive.message, ALIASING);
      c.free();
    });

    test('field accessors during a running method: refused as its borrow requires, then usable', () => {
      const c = new m.Counter('fields');
      const during = {};
      c.describe_while_mutating({ toJSON() {
        try { during.read = c.count; } catch (e) { during.readError = e; }
        try { c.count = 40; } catch (e) { during.writeError = e; }
        return 0;
      } });
      assert.match(during.readError.message, /recursive use of a `Counter` object detected: .* taking `&self` now/);
      assert.match(during.writeError.message, ALIASING);
      assert.equal(during.read, undefined);
      assert.equal(c.count, 1, 'the refused setter changed nothing; the getter works again');
      c.describe_while_reading({ toJSON() {
        during.shared = c.count;
        try { c.stepSize = 3; } catch (e) { during.sharedWriteError = e; }
        return 0;
      } });
      assert.equal(during.shared, 1, 'a getter may overlap a &self method');
      assert.match(during.sharedWriteError.message, ALIASING);
      c.count = 7;
      assert.equal(c.count, 7);
      assert.equal(c.get(), 7);
      c.free();
    });

    test('a setter drops the old value with no borrow held, and stays usable when that drop throws', () => {
      const l = new m.Labelled(1);
      const seen = [];
      // The old value's Drop runs JS, which reads and writes the same object.
      globalThis.wbgClasses.onTagDropped = (id) => {
        if (id !== 1) return;
        const now = l.tag; // a clone, freed at once
        seen.push([id, l.weight, now.id]);
        now.free();
        l.weight = 10;
      };
      l.tag = new m.Tag(2);
      assert.deepEqual(seen, [[1, 0, 2]], 'the drop saw the new value in place');
      assert.equal(l.weight, 10);
      // A drop that throws: the exception reaches the setter's caller, the object stays usable.
      globalThis.wbgClasses.onTagDropped = (id) => { if (id === 2) throw new Error('drop of 2 failed'); };
      assert.throws(() => { l.tag = new m.Tag(3); }, /drop of 2 failed/);
      globalThis.wbgClasses.onTagDropped = null;
      const now = l.tag;
      assert.equal(now.id, 3);
      now.free();
      l.weight = 11;
      assert.equal(l.weight, 11);
      l.free();
    });

    // Every way a value moves into Rust: a `self` method, a by-value argument, `Option<T>`,
    // `Vec<T>`, and a by-value argument of a method on another object.
    const consumers = {
      'self method': (c) => c.into_label(),
      'by-value argument': (c) => m.take_counter(c),
      'Option argument': (c) => m.maybe_counter(c),
      'Vec argument': (c) => m.sum_counters([c]),
      'by-value argument of a method': (c, other) => other.absorb(c),
    };

    for (const [how, consume] of Object.entries(consumers)) {
      test(`a move refused while the object is borrowed leaves it intact: ${how}`, () => {
        for (const borrow of ['describe_while_reading', 'describe_while_mutating']) {
          const c = new m.Counter('busy');
          c.count = 7;
          const other = new m.Counter('other');
          const drops = m.drop_count();
          let error;
          c[borrow]({ toJSON() { try { consume(c, other); } catch (e) { error = e; } return 0; } });
          assert.equal(other.get(), 0, 'the receiver of the refused call is unharmed too');
          assert.ok(error instanceof Error, `${borrow}: the move was refused`);
          assert.match(error.message, MOVE_REFUSED);
          assert.notEqual(c.__wbg_ptr, 0, 'the JS object was not emptied');
          const count = borrow === 'describe_while_mutating' ? 8 : 7;
          assert.equal(c.get(), count, 'still usable');
          assert.equal(c.increment(), count + 1);
          assert.equal(m.drop_count(), drops, 'the Rust value was not dropped');
          c.free();
          assert.equal(m.drop_count(), drops + 1, 'free() drops it once');
          assert.throws(() => c.get(), FREED);
          other.free();
        }
      });
    }

    test('after a refused move the object can still be moved', () => {
      const c = new m.Counter('later');
      c.count = 3;
      c.describe_while_reading({ toJSON() { assert.throws(() => m.take_counter(c), MOVE_REFUSED); return 0; } });
      const drops = m.drop_count();
      assert.equal(m.take_counter(c), 3);
      assert.equal(m.drop_count(), drops + 1);
      assert.throws(() => c.get(), FREED);
    });

    test('an object moved and used by the same call is refused before anything is emptied', () => {
      const c = new m.Counter('twice');
      c.count = 2;
      assert.throws(() => c.absorb(c), MOVED_TWICE);
      assert.throws(() => m.merge(c, c), MOVED_TWICE);
      assert.throws(() => m.sum_counters([c, c]), MOVED_TWICE);
      assert.equal(c.get(), 2, 'still usable');
      const d = m.make_counter(5);
      assert.equal(m.merge(c, d), 7);
      assert.throws(() => c.get(), FREED);
      assert.throws(() => d.get(), FREED);
    });

    test('a refused argument leaves the arguments before it untouched', () => {
      const a = m.make_counter(1);
      const gone = m.make_counter(2);
      gone.free();
      assert.throws(() => m.merge(a, gone), FREED);
      assert.throws(() => m.merge(a, {}), { name: 'TypeError', message: 'expected instance of Counter, got object' });
      assert.throws(() => m.sum_counters([a, gone]), FREED);
      assert.throws(() => m.sum_counters(a), { name: 'TypeError', message: 'expected an array, got object' });
      assert.equal(a.get(), 1, 'not emptied');
      assert.equal(m.sum_counters([a, m.make_counter(4)]), 5);
      assert.throws(() => a.get(), FREED);
    });

    test('a method called on another object throws a TypeError naming the class', () => {
      const { prototype } = m.Counter;
      assert.throws(() => prototype.get.call({}), {
        name: 'TypeError',
        message: 'Counter.get was called on an object of class Object, which is not a Counter',
      });
      const p = new m.Point2D(1, 2);
      assert.throws(() => prototype.increment.call(p), {
        name: 'TypeError',
        message: 'Counter.increment was called on an object of class Point2D, which is not a Counter',
      });
      assert.throws(() => prototype.into_label.call(undefined), {
        name: 'TypeError',
        message: 'Counter.into_label was called on undefined, which is not a Counter',
      });
      const count = Object.getOwnPropertyDescriptor(prototype, 'count');
      assert.throws(() => count.get.call(null), { name: 'TypeError', message: 'Counter.count was called on null, which is not a Counter' });
      assert.throws(() => count.set.call(7, 1), { name: 'TypeError', message: 'Counter.count was called on number, which is not a Counter' });
      assert.equal(p.norm(), Math.sqrt(5), 'the other object is unharmed');
      p.free();
      const c = new m.Counter('right');
      assert.equal(prototype.get.call(c), 0, 'the right receiver still works');
      c.free();
      assert.throws(() => prototype.get.call(c), FREED);
    });

    test('renamed class and impl with js_class', () => {
      const p = new m.Point2D(3, 4);
      assert.equal(p.norm(), 5);
      const q = p.scaled(2);
      assert.ok(q instanceof m.Point2D);
      assert.equal(q.x, 6);
      assert.equal(m.Point, undefined);
      p.free();
      q.free();
    });

    test('a class without constructor cannot be made from JS', () => {
      assert.throws(() => new m.Token(), /`Token` cannot be constructed from JavaScript: add #\[wasm_bindgen\(constructor\)\]/);
      const t = m.token(9);
      assert.ok(t instanceof m.Token);
      assert.equal(t.value, 9);
      t.free();
    });

    test('inspectable: toJSON, toString, util.inspect', () => {
      const c = new m.Counter('shown');
      c.count = 2;
      const json = c.toJSON();
      assert.deepEqual(Object.keys(json).sort(), ['count', 'doubled', 'id', 'label', 'name', 'stepSize']);
      assert.equal(json.count, 2);
      assert.equal(json.name, 'SHOWN');
      assert.equal(String(c), JSON.stringify(json));
      assert.match(inspect(c), /^Counter \{[\s\S]*count: 2/);
      c.free();
    });

    test('TryFromJsValue moves an instance of the class out of its JS object', () => {
      const c = new m.Counter('taken');
      c.increment();
      assert.equal(m.try_take_counter(c), 'counter 1');
      assert.throws(() => c.get(), FREED);
      assert.equal(m.try_take_counter({}), 'not a counter (true)');
      assert.equal(m.try_take_counter(null), 'not a counter (true)');
      assert.equal(m.try_take_counter(c), 'not a counter (true)', 'an emptied object is not a counter');
    });

    test('C-style enums are frozen objects with numbers', () => {
      assert.ok(Object.isFrozen(m.Level));
      assert.equal(m.Level.Low, 0);
      assert.equal(m.Level.Mid, 5);
      assert.equal(m.Level.High, 6);
      assert.equal(m.Level[5], 'Mid');
      assert.equal(m.next_level(m.Level.Low), m.Level.Mid);
      assert.equal(m.next_level(m.Level.Mid), m.Level.High);
      assert.throws(() => m.next_level(3), { name: 'TypeError', message: '3 is not a valid value of the enum Level (expected one of 0, 5, 6)' });
      assert.throws(() => m.next_level('Low'), TypeError);
      const js = readFileSync(path.join(outDir('classes', target), target === 'bundler' ? 'classes_bg.js' : 'classes.js'), 'utf8');
      assert.match(js, /\/\*\*\n \* Loudness\.\n \*\/\n/, 'the enum keeps its doc comment');
      assert.match(js, /    \/\*\*\n     \* In between\.\n     \*\/\n    Mid: 5, "5": "Mid",/, 'and so do its variants');
    });

    test('string enums are strings', () => {
      assert.equal(m.Fruit, undefined, 'string enums have no runtime object');
      assert.equal(m.fruit_len('banana'), 6);
      assert.equal(m.pick_fruit(0), 'apple');
      assert.equal(m.pick_fruit(2), 'cherry');
      assert.throws(() => m.fruit_len('durian'), { name: 'TypeError', message: '"durian" is not a valid value of the enum Fruit (expected one of "apple", "banana", "cherry")' });
    });

    test('a class value turned into a JsValue is the JS instance: Err(counter.into())', async () => {
      await settle();
      const before = m.drop_count();
      let caught;
      try { m.fail_with_counter(8); } catch (e) { caught = e; }
      assert.ok(caught instanceof m.Counter);
      assert.equal(caught.get(), 8);
      assert.equal(caught.increment(), 9);
      caught.free();
      assert.equal(m.drop_count(), before + 1);
      assert.throws(() => caught.get(), FREED);
    });

    test('Vec<JsValue> of class values holds usable instances; free() drops them', async () => {
      await settle();
      const before = m.drop_count();
      const list = m.counters_as_values(3, 4);
      assert.equal(list.length, 2);
      assert.ok(list.every((c) => c instanceof m.Counter));
      assert.deepEqual(list.map((c) => c.increment()), [4, 5]);
      assert.equal(m.take_counter(list[0]), 4, 'moves into Rust like any instance');
      assert.equal(m.drop_count(), before + 1);
      list[1].free();
      assert.equal(m.drop_count(), before + 2);
    });

    test('JsValue::from(counter) passed to an import is the JS instance', async () => {
      await settle();
      const before = m.drop_count();
      let kept;
      globalThis.wbgClasses.receive = (value) => {
        assert.ok(value instanceof m.Counter);
        kept = value;
        return value.increment();
      };
      try {
        assert.equal(m.send_counter(20), 21);
      } finally {
        globalThis.wbgClasses.receive = null;
      }
      assert.equal(kept.get(), 21, 'still alive after Rust dropped its JsValue');
      kept.free();
      assert.equal(m.drop_count(), before + 1);
    });

    test('skip_jsdoc keeps the Rust doc comment and drops the generated tags', () => {
      const js = readFileSync(path.join(outDir('classes', target), target === 'bundler' ? 'classes_bg.js' : 'classes.js'), 'utf8');
      const h = new m.HandDocumented(1);
      assert.equal(h.add(2), 3);
      assert.equal(h.value, 3);
      h.free();
      assert.match(js, /\/\*\*\n     \* Adds `by`\.\n     \*\n     \* @param \{number\} by - how much to add\n     \*\/\n    add\(by\) \{/);
      assert.match(js, /\/\*\*\n     \* @type \{number\} the stored value\n     \*\/\n    get value\(\) \{/);
      assert.match(js, /\/\*\*\n     \* Generated tags\.\n     \* @returns \{number\}\n     \*\/\n    get plain\(\) \{/);
         // unchecked_return_type, return_description and a renamed, described parameter.
      const t = new m.HandDocumented(4);
      assert.equal(t.tagged(1), 'v5');
      t.free();
      assert.match(js, /     \* @param \{number\} extraValue - added first\n     \* @returns \{`v\$\{number\}`\} `v` then the value\n     \*\/\n    tagged\(extraValue\) \{/);
      const dts = readFileSync(path.join(outDir('classes', target), 'classes.d.ts'), 'utf8');
      assert.match(dts, /  \/\*\*\n   \* The value as a tagged string\.\n   \* @param extraValue - added first\n   \* @returns `v` then the value\n   \*\/\n  tagged\(extraValue: number\): `v\$\{number\}`;/);
    });

    test('.d.ts declares classes and enums', () => {
      const dts = readFileSync(path.join(outDir('classes', target), 'classes.d.ts'), 'utf8');
      assert.match(dts, /\/\*\*\n \* Counts up in steps\.\n \*\/\nexport class Counter \{\n/);
      assert.match(dts, /  \/\*\*\n   \* Makes a counter called `label`\.\n   \*\/\n  constructor\(label: string\);/);
      assert.match(dts, /  free\(\): void;/);
      assert.match(dts, /  readonly id: number;/);
      assert.match(dts, /  \/\*\*\n   \* The current count\.\n   \*\/\n  count: number;/);
      assert.match(dts, /  static readonly next_id: number;/);
      assert.match(dts, /  static startingAt\(count: number\): Counter;/);
      assert.match(dts, /  into_label\(\): string;/);
      assert.match(dts, /export class Token \{\n  private constructor\(\);/);
      assert.match(dts, /export class Point2D \{/);
      assert.match(dts, /export enum Level \{\n  Low = 0,\n  \/\*\*\n   \* In between\.\n   \*\/\n  Mid = 5,\n  High = 6,\n\}/);
      assert.match(dts, /export type Fruit = "apple" \| "banana" \| "cherry";/);
      assert.match(dts, /export function maybe_make\(count: number\): Counter \| undefined;/);
      assert.doesNotMatch(dts, /secret|rust_only/);
    });
  });

  describe(`weak refs (${target})`, () => {
    let m;
    before(async () => { m = await load('classes', target); });

    test('objects JS forgot are freed by the FinalizationRegistry', async () => {
      assert.equal(typeof globalThis.gc, 'function', 'run node with --expose-gc');
      await settle();
      const before = m.drop_count();
      (() => { for (let i = 0; i < 50; i++) new m.Counter(`forgotten ${i}`).increment(); })();
      for (let i = 0; i < 100 && m.drop_count() < before + 50; i++) {
        globalThis.gc();
        await sleep(5);
      }
      assert.equal(m.drop_count(), before + 50);
    });

    test('objects Rust made and JS forgot are freed too', async () => {
      await settle();
      const before = m.drop_count();
      (() => {
        for (let i = 0; i < 25; i++) m.make_counter(i).increment();
        for (let i = 0; i < 25; i++) m.Counter.startingAt(i).same().free();
      })();
      // 25 from make_counter, 25 from startingAt (their copies were freed explicitly).
      for (let i = 0; i < 100 && m.drop_count() < before + 75; i++) {
        globalThis.gc();
        await sleep(5);
      }
      assert.equal(m.drop_count(), before + 75);
    });

    test('class values Rust turned into JsValues and JS forgot are freed too', async () => {
      await settle();
      const before = m.drop_count();
      (() => { for (let i = 0; i < 10; i++) m.counters_as_values(i, i); })();
      for (let i = 0; i < 100 && m.drop_count() < before + 20; i++) {
        globalThis.gc();
        await sleep(5);
      }
      assert.equal(m.drop_count(), before + 20);
    });

    test('free() unregisters, so the destructor runs once', async () => {
      await settle();
      const before = m.drop_count();
      (() => { const c = new m.Counter('explicit'); c.free(); })();
      await settle();
      assert.equal(m.drop_count(), before + 1);
    });
  });
}
