// Loads a fixture's generated glue for one target. The Rust harness (tests/tests/e2e.rs)
// builds the fixtures, runs bindgen into $WBG_E2E_OUT/<fixture>/<target>[-debug] and then
// runs these files with `node --experimental-wasm-modules --test`.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const TARGETS = ['nodejs', 'web', 'bundler'];

export function outDir(fixture, target, variant = '') {
  const root = process.env.WBG_E2E_OUT;
  if (!root) throw new Error('WBG_E2E_OUT is not set: run these tests through `cargo test -p wbg-tests`');
  return path.join(root, fixture, target + variant);
}

export async function load(fixture, target, variant = '') {
  const dir = outDir(fixture, target, variant);
  const main = path.join(dir, `${fixture}.js`);
  if (target === 'nodejs') return createRequire(import.meta.url)(main);
  const mod = await import(pathToFileURL(main).href);
  if (target === 'web') {
    await mod.default({ module_or_path: readFileSync(path.join(dir, `${fixture}_bg.wasm`)) });
  }
  return mod;
}
