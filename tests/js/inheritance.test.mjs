// `#[wasm_bindgen(extends = Parent)]` between exported structs (fixture `inheritance`):
// JS class chains, parent methods on child objects, the pointer each class reads, and the
// calls refused because they would take a parent's value by its own box.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TARGETS, load, outDir } from './support.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function settle() {
  for (let i = 0; i < 10; i++) { globalThis.gc(); await sleep(5); }
}

const DISPATCH = /cannot be invoked through subclass prototype dispatch/;
const BY_VALUE = /cannot be consumed by-value as its ancestor `Shape`/;

globalThis.wbgInheritance = { during_relabel() { globalThis.wbgInheritance.hook(); }, hook() {} };

for (const target of TARGETS) {
  describe(`inheritance (${target})`, () => {
    let m;
    before(async () => { m = await load('inheritance', target); });

    test('class chains: instanceof, inherited methods at every depth, Rust reads the parent', () => {
      const sq = new m.Square('tile', 3);
      assert.ok(sq instanceof m.Square && sq instanceof m.Rect && sq instanceof m.Shape);
      assert.equal(Object.getPrototypeOf(m.Square), m.Rect);
      assert.equal(Object.getPrototypeOf(m.Rect), m.Shape);
      assert.equal(sq.side(), 3);
      assert.equal(sq.area(), 9, 'Rect.area on a Square');
      assert.equal(sq.label(), 'tile', 'Shape.label two levels up');
      sq.relabel('floor');
      assert.equal(sq.describe(), 'floor 3x3', 'Rust sees the parent JS changed');
      assert.equal(sq.label_via_as_ref(), 'floor');
      const shape = new m.Shape('plain');
      assert.ok(!(shape instanceof m.Rect));
      sq.free();
      shape.free();
    });

    test('each class of the chain reads its own pointer; super() makes no second parent', () => {
      const made = m.Shape.made();
      const r = new m.Rect('box', 2, 5);
      assert.equal(m.Shape.made(), made + 1, 'one Shape, from the Rust constructor');
      assert.ok(r.__wbg_ptr_Rect && r.__wbg_ptr_Shape);
      assert.equal(r.__wbg_ptr, r.__wbg_ptr_Rect);
      assert.notEqual(r.__wbg_ptr_Rect, r.__wbg_ptr_Shape);
      r.free();
    });

    test('borrowed parent arguments take child objects, by value they are refused', () => {
      const r = new m.Rect('lent', 1, 1);
      assert.equal(m.shape_label(r), 'lent');
      m.relabel_shape(r, 'changed');
      assert.equal(r.label(), 'changed');
      assert.equal(m.maybe_label(r), 'changed');
      assert.equal(m.maybe_label(null), 'none');
      assert.throws(() => m.consume_shape(r), BY_VALUE);
      assert.throws(() => m.count_shapes([new m.Shape('a'), r]), BY_VALUE);
      assert.equal(r.area(), 1, 'refused calls leave the object as it was');
      assert.equal(m.take_shape_value(r), 'refused', 'TryFromJsValue takes no parent out of a child');
      assert.equal(r.label(), 'changed');
      assert.equal(m.consume_shape(new m.Shape('own')), 'own');
      assert.equal(m.take_shape_value(new m.Shape('value')), 'value');
      assert.equal(m.consume_rect(r), 1, 'a child by value as its own class');
      assert.equal(r.__wbg_ptr, 0);
      assert.equal(r.__wbg_ptr_Shape, 0);
    });

    test('self methods and free of an ancestor refuse child objects, at every depth', () => {
      const sq = new m.Square('guarded', 2);
      assert.throws(() => sq.into_label(), DISPATCH);
      assert.throws(() => m.Shape.prototype.free.call(sq), /Shape\.free cannot be invoked/);
      assert.throws(() => m.Rect.prototype.free.call(sq), /Rect\.free cannot be invoked/);
      assert.throws(() => m.Rect.prototype.into_area.call(sq), /Rect\.into_area cannot be invoked/);
      assert.equal(sq.label(), 'guarded');
      assert.equal(sq.area(), 4);
      const r = new m.Rect('own', 2, 3);
      assert.equal(r.into_area(), 6, 'a self method of the object\'s own class');
      assert.equal(new m.Shape('mine').into_label(), 'mine');
      sq.free();
    });

    test('a JS subclass of a class in a chain owns its value', () => {
      class Tagged extends m.Shape {}
      const t = new Tagged('js');
      assert.equal(t.__wbg_ptr, t.__wbg_ptr_Shape);
      assert.equal(t.label(), 'js');
      assert.equal(t.into_label(), 'js');
      assert.equal(m.consume_shape(new Tagged('arg')), 'arg');
      new Tagged('freed').free();
      class Wide extends m.Rect {}
      const w = new Wide('wide', 4, 1);
      assert.equal(w.area(), 4);
      assert.equal(w.label(), 'wide');
      w.free();
    });

    test('free and drops release every class of the chain', async () => {
      await settle();
      const alive = m.Shape.alive();
      const sq = new m.Square('f', 1);
      assert.equal(m.Shape.alive(), alive + 1);
      sq.free();
      assert.equal(m.Shape.alive(), alive, 'the Shape went with the Square');
      assert.throws(() => sq.label(), /already freed/);
      sq.free();
      const r = new m.Rect('moved', 1, 2);
      m.consume_rect(r);
      assert.equal(m.Shape.alive(), alive, 'moved into Rust and dropped there');
      for (let i = 0; i < 20; i++) new m.Square('garbage', i);
      assert.equal(m.Shape.alive(), alive + 20);
      await settle();
      assert.equal(m.Shape.alive(), alive, 'finalization releases the parents too');
    });

    test('children made by Rust get their parents pointers too', () => {
      const sq = m.make_square('rusty', 5);
      assert.ok(sq instanceof m.Square);
      assert.equal(sq.label(), 'rusty');
      assert.equal(sq.area(), 25);
      const v = m.square_as_value('value', 2);
      assert.ok(v instanceof m.Square);
      assert.equal(v.label(), 'value');
      sq.free();
      v.free();
    });

    test('a parent borrowed by a running call is neither freed nor moved', () => {
      const r = new m.Rect('busy', 1, 1);
      let seen;
      globalThis.wbgInheritance.hook = () => {
        try { r.free(); } catch (e) { seen = e; }
      };
      r.relabel_with('after');
      globalThis.wbgInheritance.hook = () => {};
      assert.match(String(seen), /recursive use of a `Shape` object/);
      assert.equal(r.label(), 'after');
      r.free();
    });

    test('renamed parent and a parent left out of the .d.ts', () => {
      const b = new m.Bicycle(21);
      assert.ok(b instanceof m.Vehicle);
      assert.equal(b.wheels(), 2);
      assert.equal(b.gears(), 21);
      b.free();
      const s = new m.Shown(7, 9);
      assert.ok(s instanceof m.Hidden);
      assert.equal(s.secret(), 7);
      assert.equal(s.extra(), 9);
      s.free();
      const dts = readFileSync(path.join(outDir('inheritance', target), 'inheritance.d.ts'), 'utf8');
      assert.match(dts, /export class Square extends Rect \{/);
      assert.match(dts, /export class Bicycle extends Vehicle \{/);
      assert.match(dts, /export class Shown \{/);
      assert.doesNotMatch(dts, /class Hidden/);
    });
  });
}
