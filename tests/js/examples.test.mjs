// The bundled examples, as a user runs them (nodejs target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const example = (name) => require(path.join(process.env.WBG_E2E_OUT, 'examples', name, `${name}.js`));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('examples/hello greets', () => {
  assert.equal(example('hello').greet('World'), 'Hello, World!');
});

test('examples/closures: the Interval ticks every period until dropped, then stops', async () => {
  const { start_ticking } = example('closures_example');
  const lines = [];
  const original = console.log;
  console.log = (line) => lines.push(line);
  try {
    const interval = start_ticking(20);
    for (let i = 0; i < 100 && lines.length < 4; i++) await sleep(10);
    assert.deepEqual(lines.slice(0, 4), ['tick 1', 'tick 2', 'tick 3', 'tick 4']);
    interval.free();
    const stoppedAt = lines.length;
    await sleep(120);
    assert.equal(lines.length, stoppedAt, 'no tick after the drop');
  } finally {
    console.log = original;
  }
});
