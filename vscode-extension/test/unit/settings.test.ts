//! The settings the extension forwards, checked against package.json's contributions.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { CLIENT_SETTINGS, needsRestart, SERVER_SETTINGS, serverSettings } from '../../src/settings';

// Compiled to out/test/unit/, so the package is three levels up.
const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const contributed: Record<string, { default?: unknown; markdownDescription?: string; description?: string }> =
  packageJson.contributes.configuration.properties;

test('every contributed setting is either sent to the server or read by the client', () => {
  const known = [...SERVER_SETTINGS, ...CLIENT_SETTINGS].map((k) => `wbg.${k}`).sort();
  assert.deepEqual(Object.keys(contributed).sort(), known);
});

test('every contributed setting has a description and a default', () => {
  for (const [key, schema] of Object.entries(contributed)) {
    assert.ok((schema.markdownDescription ?? schema.description ?? '').length > 20, `${key} needs a description`);
    assert.notEqual(schema.default, undefined, `${key} needs a default`);
  }
});

test('serverSettings sends the server keys that are set, and nothing else', () => {
  const values: Record<string, unknown> = {
    regenerateOnSave: false,
    outDir: 'web/pkg',
    target: 'nodejs',
    profile: undefined,
    cargoArgs: ['--features', 'x'],
    'server.path': '/opt/wbg-lsp',
    'trace.server': 'verbose',
  };
  assert.deepEqual(
    serverSettings((k) => values[k]),
    { regenerateOnSave: false, outDir: 'web/pkg', target: 'nodejs', cargoArgs: ['--features', 'x'] },
  );
});

test('serverSettings of contributed defaults matches the server defaults', () => {
  // lsp-server/src/config.rs: Config::default(); the Rust test config_matches_the_extension
  // checks the other direction.
  const sent = serverSettings((k) => contributed[`wbg.${k}`]?.default);
  assert.deepEqual(sent, { regenerateOnSave: true, outDir: 'pkg', target: 'web', profile: 'dev', cargoArgs: [] });
});

test('only a new server path needs a restart', () => {
  assert.equal(needsRestart((s) => s === 'wbg.server.path'), true);
  assert.equal(needsRestart((s) => s === 'wbg.outDir' || s === 'wbg.target'), false);
});
