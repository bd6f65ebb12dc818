//! What the status bar shows for each state.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { initialModel, type StatusModel, update, view } from '../../src/status';

const running = (): StatusModel => ({ ...initialModel(), server: 'running' });

test('starting, missing and stopped servers', () => {
  assert.match(view(initialModel()).text, /sync~spin/);
  const missing = view({ ...initialModel(), server: 'missing', reason: 'wbg-lsp not found; cargo install --path lsp-server' });
  assert.equal(missing.error, true);
  assert.match(missing.tooltip, /cargo install --path lsp-server/);
  assert.match(missing.tooltip, /Click to show the wbg output/);
  const stopped = view({ ...initialModel(), server: 'stopped' });
  assert.equal(stopped.error, true);
  assert.match(stopped.text, /stopped/);
});

test('idle before any regeneration', () => {
  const v = view(running());
  assert.equal(v.text, '$(check) wbg');
  assert.equal(v.error, false);
  assert.match(v.tooltip, /save a \.rs file/);
});

test('regenerating, then done with the last result in the tooltip', () => {
  let m = update(running(), { crateDir: '/w/greeter', state: 'regenerating', message: 'cargo build greeter (wasm32)' });
  assert.equal(view(m).text, '$(sync~spin) wbg: regenerating greeter');
  m = update(m, { crateDir: '/w/greeter', state: 'done', message: 'wrote 4 files to /w/greeter/pkg' });
  const v = view(m);
  assert.equal(v.text, '$(check) wbg');
  assert.match(v.tooltip, /Last: greeter: wrote 4 files/);
});

test('a failure shows as an error until that crate succeeds again', () => {
  let m = update(running(), { crateDir: '/w/a', state: 'failed', message: 'wbg: cargo build failed for a: 1 error' });
  m = update(m, { crateDir: 'C:\\w\\b', state: 'done', message: 'ok' });
  const failed = view(m);
  assert.equal(failed.error, true);
  assert.equal(failed.text, '$(error) wbg: a failed');
  assert.match(failed.tooltip, /cargo build failed/);
  m = update(m, { crateDir: '/w/a', state: 'done', message: 'wrote 4 files' });
  assert.equal(view(m).error, false);
});

test('a running build takes precedence over an old failure', () => {
  let m = update(running(), { crateDir: '/w/a', state: 'failed', message: 'x' });
  m = update(m, { crateDir: '/w/a', state: 'regenerating', message: 'cargo build a (wasm32)' });
  assert.equal(view(m).error, false);
  assert.match(view(m).text, /regenerating a/);
});

test('update does not change the model it was given', () => {
  const m = running();
  update(m, { crateDir: '/w/a', state: 'done', message: 'x' });
  assert.equal(m.crates.size, 0);
});
