//! Finding the `wbg-lsp` binary.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { INSTALL_COMMAND, resolveServer } from '../../src/serverPath';

const onlyThese = (...paths: string[]) => (p: string) => paths.includes(p);

test('the setting wins, with ~ expanded', () => {
  const r = resolveServer('~/bin/wbg-lsp', { HOME: '/home/u', PATH: '/usr/bin' }, onlyThese('/home/u/bin/wbg-lsp', '/usr/bin/wbg-lsp'));
  assert.deepEqual(r, { kind: 'found', path: '/home/u/bin/wbg-lsp', from: 'setting' });
});

test('a setting that is not executable is an error naming it, not a silent PATH lookup', () => {
  const r = resolveServer('/nope/wbg-lsp', { PATH: '/usr/bin' }, onlyThese('/usr/bin/wbg-lsp'));
  assert.equal(r.kind, 'missing');
  assert.ok(r.kind === 'missing' && r.message.includes('/nope/wbg-lsp') && r.message.includes(INSTALL_COMMAND), JSON.stringify(r));
});

test('PATH is searched in order, skipping empty entries', () => {
  const r = resolveServer('  ', { PATH: ':/a:/b:/c' }, onlyThese('/b/wbg-lsp', '/c/wbg-lsp'));
  assert.deepEqual(r, { kind: 'found', path: '/b/wbg-lsp', from: 'PATH' });
});

test("cargo's bin directory is the fallback (CARGO_HOME, else ~/.cargo)", () => {
  assert.deepEqual(resolveServer('', { PATH: '/usr/bin', HOME: '/home/u' }, onlyThese('/home/u/.cargo/bin/wbg-lsp')), {
    kind: 'found',
    path: '/home/u/.cargo/bin/wbg-lsp',
    from: 'cargo',
  });
  assert.deepEqual(resolveServer('', { HOME: '/home/u', CARGO_HOME: '/opt/cargo' }, onlyThese('/opt/cargo/bin/wbg-lsp')), {
    kind: 'found',
    path: '/opt/cargo/bin/wbg-lsp',
    from: 'cargo',
  });
});

test('missing everywhere: the message gives the install command and the setting', () => {
  const r = resolveServer('', { PATH: '/usr/bin', HOME: '/home/u' }, () => false);
  assert.equal(r.kind, 'missing');
  assert.ok(r.kind === 'missing' && r.message.includes(INSTALL_COMMAND) && r.message.includes('wbg.server.path'));
});

test('Windows: wbg-lsp.exe and ; separators', () => {
  const r = resolveServer('', { PATH: 'C:\\x;C:\\tools' }, (p) => p.endsWith('tools/wbg-lsp.exe') || p.endsWith('tools\\wbg-lsp.exe'), 'win32');
  assert.equal(r.kind, 'found');
  assert.ok(r.kind === 'found' && r.path.endsWith('wbg-lsp.exe') && r.from === 'PATH');
});
