// `wasm_bindgen = path`: the fixture depends on the runtime only under another name.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, load } from './support.mjs';

for (const target of TARGETS) {
  describe(`renamed runtime (${target})`, () => {
    let m;
    before(async () => { m = await load('renamed', target); });

    test('functions, classes, enums, imports and async exports work through the given path', async () => {
      assert.equal(m.add_renamed(1, 'x'), '2x');
      const t = new m.Tally(4);
      assert.equal(t.bump(), 5);
      assert.equal(t.count, 5);
      t.free();
      assert.equal(m.Mood.Loud, 5);
      assert.deepEqual(m.imports_renamed(m.Mood.Loud), [5]);
      assert.deepEqual(m.imports_renamed(m.Mood.Calm), [2]);
      assert.equal(await m.later_renamed(21), 42);
    });
  });
}
