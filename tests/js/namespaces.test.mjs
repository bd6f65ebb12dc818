// `js_namespace` on exports: functions, classes and enums reached through objects of the
// module (`calc.add`, `calc.float.half`, `shapes["3d"].Point3`), for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TARGETS, load, outDir } from './support.mjs';
import path from 'node:path';

for (const target of TARGETS) {
  describe(`namespaces (${target})`, () => {
    let m;
    before(async () => { m = await load('namespaces', target); });

    test('namespaced items are reached only through their objects', () => {
      assert.equal(m.top_level(), 1);
      assert.deepEqual(Object.keys(m.calc).sort(), ['Sign', 'add', 'float']);
      assert.deepEqual(Object.keys(m.calc.float).sort(), ['half', 'round', 'sign']);
      for (const hidden of ['add', 'calc__add', 'Tally', 'models__Tally', 'Box', 'Sign']) {
        assert.equal(m[hidden], undefined, hidden);
      }
    });

    test('functions, nested namespaces and renamed functions', () => {
      assert.equal(m.calc.add(2, 3), 5);
      // Same JS name in another namespace: another function.
      assert.equal(m.text.add('a', 'b'), 'ab');
      assert.equal(m.calc.float.half(5), 2.5);
      assert.equal(m.calc.float.round(1.5, 'up'), 2);
      assert.equal(m.calc.float.round(1.5, 'down'), 1);
      assert.throws(() => m.calc.float.round(1.5, 'sideways'), /Rounding/);
    });

    test('a numeric enum in a namespace, returned by a function in a nested one', () => {
      assert.equal(m.calc.Sign.Negative, 10);
      assert.equal(m.calc.Sign[20], 'Positive');
      assert.ok(Object.isFrozen(m.calc.Sign));
      assert.equal(m.calc.float.sign(-3), m.calc.Sign.Negative);
      assert.equal(m.calc.float.sign(3), m.calc.Sign.Positive);
    });

    test('a namespaced class: constructor, statics, accessors, methods', () => {
      const t = new m.models.Tally(5);
      assert.ok(t instanceof m.models.Tally);
      assert.equal(t.count, 5);
      t.count = 10;
      assert.equal(t.bump(), 11);
      assert.equal(m.models.Tally.zero().count, 0);
      const merged = t.merged(new m.models.Tally(2));
      assert.ok(merged instanceof m.models.Tally);
      assert.equal(merged.count, 13);
      t.free();
      assert.throws(() => t.bump(), /already freed/);
    });

    test('namespaced classes cross the boundary as arguments, options and JsValue', () => {
      assert.equal(m.models.total([new m.models.Tally(1), new m.models.Tally(2)]), 3);
      assert.throws(() => m.models.total([{}]), /wrong type/);
      const some = m.models.maybe_tally(3);
      assert.ok(some instanceof m.models.Tally);
      assert.equal(some.count, 3);
      assert.equal(m.models.maybe_tally(undefined), undefined);
      const value = m.models.tally_as_value(4);
      assert.ok(value instanceof m.models.Tally);
      assert.equal(value.bump(), 5);
    });

    test('a namespace that is not an identifier; a class without a constructor', () => {
      const p = m.shapes['3d'].origin();
      assert.ok(p instanceof m.shapes['3d'].Point3);
      assert.deepEqual([p.x, p.y, p.z], [0, 0, 0]);
      p.z = 2;
      assert.equal(p.z, 2);
      assert.throws(() => new m.shapes['3d'].Point3(), /cannot be constructed from JavaScript/);
    });

    test('one class name in two namespaces: two classes', () => {
      const small = new m.small.Box(3);
      const big = new m.big.Box(3);
      assert.notEqual(m.small.Box, m.big.Box);
      assert.equal(small.size(), 3);
      assert.equal(big.size(), 3000);
      assert.equal(small.small_only(), true);
      assert.equal(big.small_only, undefined);
      assert.ok(!(small instanceof m.big.Box));
    });

    test('one Rust name in two modules, two JS names', () => {
      const a = new m.FirstItem(1);
      const b = new m.SecondItem(1);
      assert.equal(a.first(), 2);
      assert.equal(b.second(), 3);
      assert.equal(a.second, undefined);
      assert.equal(b.first, undefined);
    });

    test('the .d.ts declares the items and types the namespace objects', () => {
      const dts = readFileSync(path.join(outDir('namespaces', target), 'namespaces.d.ts'), 'utf8');
      assert.match(dts, /^declare function calc__add\(a: number, b: number\): number;$/m);
      assert.match(dts, /^declare class models__Tally \{$/m);
      assert.match(dts, /^  merged\(other: models__Tally\): models__Tally;$/m);
      assert.match(dts, /^declare enum calc__Sign \{$/m);
      assert.match(dts, /^declare type calc__float__Rounding = "down" \| "up";$/m);
      assert.match(dts, /^export const calc: \{\n  Sign: typeof calc__Sign;\n  add: typeof calc__add;\n  float: \{\n    half: typeof calc__float__half;\n/m);
      assert.match(dts, /^export const shapes: \{\n  "3d": \{\n    Point3: typeof shapes__3d__Point3;\n/m);
      assert.match(dts, /^export function top_level\(\): number;$/m);
    });
  });
}
