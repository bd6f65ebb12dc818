// End-to-end test of the extension in a real VS Code: code-server (VS Code in the browser,
// installed by ./setup-code-server.sh) driven through Chromium with playwright-core.
//
// The packaged .vsix is installed into a fresh extensions dir, `wbg.server.path` points at
// the built wbg-lsp, and a copy of ./fixture is opened. Through the UI only: hovering over
// an exported function shows its TypeScript signature; the Problems panel lists the
// wasm-bindgen diagnostic of a setter without the `set_` prefix; renaming it in the editor
// and saving regenerates pkg/e2e_fixture.js on disk.
//
// Run from vscode-extension/: node --test --test-concurrency=1 test/e2e/
// Environment (all optional):
//   CODE_SERVER_DIR   where setup-code-server.sh installed code-server (.code-server/)
//   CHROME            the Chromium binary (/usr/bin/chromium)
//   WBG_VSIX          a packaged extension to test instead of running `npm run package`
//   WBG_LSP           the server binary instead of `cargo build -p wbg-lsp`
//   WBG_E2E_BUILD_TIMEOUT_MS  how long the first wasm32 build may take (600000)
//   WBG_E2E_CARGO_TARGET_DIR  target dir of the server's wasm32 builds (<repo>/target/wasm,
//                     shared with lsp-server's tests)
//   WBG_E2E_HEADED=1  show the browser (needs a display)

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const extDir = path.resolve(here, '../..');
const repo = path.resolve(extDir, '..');
const codeServerDir = process.env.CODE_SERVER_DIR || path.join(extDir, '.code-server');
const codeServerEntry = path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
const chromePath = process.env.CHROME || '/usr/bin/chromium';
const artifacts = path.join(extDir, 'test-artifacts');
const work = path.join(repo, 'target', 'vscode-e2e');
const CRATE = 'e2e_fixture';
const crateDir = path.join(work, CRATE);
const libRs = path.join(crateDir, 'src', 'lib.rs');
const generatedJs = path.join(crateDir, 'pkg', `${CRATE}.js`);
const generatedDts = path.join(crateDir, 'pkg', `${CRATE}.d.ts`);
const userDataDir = path.join(work, 'user-data');
const userSettingsFile = path.join(userDataDir, 'User', 'settings.json');
const extensionsDir = path.join(work, 'extensions');
const codeServerLog = path.join(work, 'code-server.log');
const consoleLog = path.join(work, 'browser-console.log');
const wasmTargetDir = process.env.WBG_E2E_CARGO_TARGET_DIR || path.join(repo, 'target', 'wasm');
const BUILD_TIMEOUT = Number(process.env.WBG_E2E_BUILD_TIMEOUT_MS || 600_000);
const SETUP_HINT = 'run vscode-extension/test/e2e/setup-code-server.sh first';

/** What the server reports for the fixture's `step` setter (core-gen/src/validate/setter_prefix.rs). */
const SETTER_MESSAGE =
  'the setter `step` must be named `set_step` (the property is `step`), or name the property: ' +
  '`#[wasm_bindgen(setter = "step")]`';
const GREET_TS = 'export function greet(name: string): string;';
/** Where the fixture's wrong setter name is: 1-based line and column, as VS Code shows them. */
const STEP = (() => {
  const lines = fs.readFileSync(path.join(here, 'fixture', 'src', 'lib.rs'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('pub fn step('));
  assert.ok(line >= 0, 'fixture/src/lib.rs has `pub fn step(`');
  return { line: line + 1, col: lines[line].indexOf('step(') + 1 };
})();

let codeServer; // the detached code-server process (leader of its own process group)
let browser;
let page;

// --- helpers ---------------------------------------------------------------------------

function log(msg) {
  process.stderr.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Thrown by a `waitUntil` check to stop waiting at once. */
class Fatal extends Error {}

// A busy machine (two cores building fixtures beside code-server) can be several times
// slower than a quiet one; waits stretch by this factor (WBG_E2E_TIMEOUT_SCALE, default 2).
const TIMEOUT_SCALE = Number(process.env.WBG_E2E_TIMEOUT_SCALE ?? 2);

/**
 * Polls `check` until it returns a truthy value, for at most `timeoutMs`. Errors thrown by
 * `check` count as "not yet" (and the last one is reported), except `Fatal`.
 */
async function waitUntil(what, check, timeoutMs, intervalMs = 250) {
  timeoutMs *= TIMEOUT_SCALE;
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      if (e instanceof Fatal) throw e;
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch (e) {
    return `(cannot read ${file}: ${e.message})`;
  }
}

function findFiles(dir, pred, out = []) {
  let entries = [];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

/** Environment of code-server: its config and data under `work`, the wasm builds shared with the LSP tests. */
function codeServerEnv() {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(work, 'xdg-config'),
    XDG_DATA_HOME: path.join(work, 'xdg-data'),
    XDG_CACHE_HOME: path.join(work, 'xdg-cache'),
    // The server's wasm32 builds share the dependencies built by lsp-server's tests.
    CARGO_TARGET_DIR: wasmTargetDir,
  };
}

/** Sends `signal` to code-server's process group: it, the extension host, wbg-lsp, cargo. */
function signalCodeServerGroup(signal) {
  if (!codeServer?.pid) return;
  try {
    process.kill(-codeServer.pid, signal);
  } catch {
    /* the group is gone */
  }
}

/** Stops code-server: SIGTERM to the group, up to 5 s to exit, then SIGKILL to what is left. */
async function stopCodeServer() {
  if (!codeServer) return;
  if (codeServer.exitCode === null && codeServer.signalCode === null) {
    const exited = new Promise((resolve) => codeServer.once('exit', resolve));
    signalCodeServerGroup('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
  }
  signalCodeServerGroup('SIGKILL');
  codeServer = undefined;
}

// Also when the test process ends some other way (a crash, Ctrl+C).
process.on('exit', () => signalCodeServerGroup('SIGKILL'));
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(sig, () => {
    signalCodeServerGroup('SIGKILL');
    process.exit(code);
  });
}

/** Screenshots, logs and the wbg output channel, for a failed step. */
async function dumpFailure(step, err) {
  fs.mkdirSync(artifacts, { recursive: true });
  const lines = [`=== e2e step "${step}" failed: ${err?.stack ?? err}`];
  if (page) {
    const shot = path.join(artifacts, `failure-${step}.png`);
    try {
      await page.screenshot({ path: shot, timeout: 10_000 });
      lines.push(`screenshot: ${shot}`);
    } catch (e) {
      lines.push(`(no screenshot: ${e.message})`);
    }
    try {
      const status = await page.locator('.statusbar').innerText({ timeout: 2000 });
      lines.push(`status bar: ${status.replace(/\s+/g, ' ')}`);
    } catch {
      /* no workbench */
    }
  }
  lines.push(`--- code-server log (${codeServerLog}), last lines:`, tail(codeServerLog, 40));
  // VS Code writes each output channel of the extension host to a file under logs/.
  const channels = findFiles(path.join(userDataDir, 'logs'), (p) => /wbg|exthost\.log$|remoteexthost\.log$/i.test(path.basename(p)));
  for (const f of channels) lines.push(`--- ${path.relative(work, f)}, last lines:`, tail(f, 40));
  lines.push(`--- browser console (${consoleLog}), last lines:`, tail(consoleLog, 20));
  const text = lines.join('\n');
  fs.writeFileSync(path.join(artifacts, `failure-${step}.txt`), `${text}\n`);
  log(text);
}

/** Runs a step; on failure dumps what there is to see, then fails. */
async function step(name, fn) {
  log(`step: ${name}`);
  const t0 = Date.now();
  try {
    await fn();
  } catch (e) {
    await dumpFailure(name, e);
    throw e;
  }
  log(`step ${name}: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// --- the editor, through the UI ---------------------------------------------------------

/** The rendered line of the editor whose text matches `re` (Monaco renders spaces as U+00A0). */
function editorLine(re) {
  return page.locator('.editor-group-container .monaco-editor .view-lines .view-line').filter({ hasText: re });
}

/** The token `word` in the first editor line matching `lineRe`. */
function token(lineRe, word) {
  return editorLine(lineRe).first().locator('span > span').filter({ hasText: new RegExp(`^${word}$`) }).first();
}

/** Ctrl+G, the line number, Enter: the editor shows that line. */
async function goToLine(n) {
  // Clicking the editor's tab focuses the editor.
  await page.locator('.tabs-container .tab.active').click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await page.locator('.statusbar').filter({ hasText: `Ln ${n},` }).waitFor({ timeout: 10_000 });
}

async function openFileWithQuickOpen(name) {
  await page.locator('.monaco-workbench').click({ position: { x: 600, y: 5 } }).catch(() => {});
  await waitUntil(
    'the quick open box',
    async () => {
      if (!(await page.locator('.quick-input-widget').isVisible())) {
        await page.keyboard.press('Control+P');
      }
      return page.locator('.quick-input-widget input').isVisible();
    },
    20_000,
    1000,
  );
  await page.keyboard.type(name, { delay: 20 });
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: 20_000 });
}

/** Text of the wbg status bar item, with its icon's name (e.g. "check wbg"). */
async function wbgStatus() {
  const items = page.locator('.statusbar .statusbar-item').filter({ hasText: /^\s*wbg\b/ });
  if ((await items.count()) === 0) return undefined;
  return items.first().evaluate((el) => {
    const icon = el.querySelector('.codicon');
    const name = icon ? [...icon.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin') : '';
    return `${(name ?? '').replace('codicon-', '')} ${el.textContent.trim()}`.trim();
  });
}

/** Runs a command by its title from the command palette (F1). */
async function runCommand(title) {
  await page.locator('.tabs-container .tab.active').first().click();
  const input = page.locator('.quick-input-widget input');
  // F1 may be swallowed while the workbench is busy moving focus: press it until the
  // palette shows, as openFileWithQuickOpen does for Ctrl+P.
  await waitUntil(
    'the command palette',
    async () => {
      if (!(await input.isVisible())) await page.keyboard.press('F1');
      return input.isVisible();
    },
    20_000,
    1000,
  );
  // Replace whatever the box holds; `>` is the palette's command mode.
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function problemsText() {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) return '';
  return (await panel.innerText()).replace(/\u00a0/g, ' ');
}

// --- setup -------------------------------------------------------------------------------

/** Fails with what to do when something the test needs is not installed; returns playwright's chromium. */
async function checkPrerequisites() {
  assert.ok(fs.existsSync(codeServerEntry), `code-server is not installed at ${codeServerEntry}: ${SETUP_HINT}`);
  assert.ok(fs.existsSync(chromePath), `Chromium not found at ${chromePath} (set CHROME, or apt-get install chromium); ${SETUP_HINT}`);
  try {
    return (await import('playwright-core')).chromium;
  } catch (e) {
    throw new Error(`playwright-core is missing (${e.message}): run npm install in vscode-extension/, or ${SETUP_HINT}`);
  }
}

/** A fresh work dir with a copy of the fixture pointing at this repository's runtime. */
function prepareWorkDir() {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(crateDir, 'src'), { recursive: true });
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts)) {
    if (f.startsWith('failure-')) fs.rmSync(path.join(artifacts, f));
  }
  const manifest = fs.readFileSync(path.join(here, 'fixture', 'Cargo.toml'), 'utf8');
  assert.ok(manifest.includes('"../../../../runtime"'), 'fixture/Cargo.toml names ../../../../runtime');
  fs.writeFileSync(
    path.join(crateDir, 'Cargo.toml'),
    manifest.replace('"../../../../runtime"', JSON.stringify(path.join(repo, 'runtime'))),
  );
  fs.copyFileSync(path.join(here, 'fixture', 'src', 'lib.rs'), libRs);
}

/** $WBG_LSP, or `cargo build -p wbg-lsp` (quick when it is up to date). */
function buildServer() {
  let server = process.env.WBG_LSP;
  if (!server) {
    log('cargo build -p wbg-lsp');
    run('cargo', ['build', '-p', 'wbg-lsp'], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
    server = path.join(process.env.CARGO_TARGET_DIR || path.join(repo, 'target'), 'debug', 'wbg-lsp');
  }
  assert.ok(fs.existsSync(server), `wbg-lsp not found at ${server}`);
  return path.resolve(server);
}

/** $WBG_VSIX, or the extension packaged as users get it: `npm run package` (vsce runs the build). */
function packageExtension() {
  let vsix = process.env.WBG_VSIX;
  if (!vsix) {
    vsix = path.join(extDir, 'wbg-vscode.vsix');
    log('npm run package');
    fs.rmSync(vsix, { force: true });
    run('npm', ['run', 'package'], { cwd: extDir });
  }
  assert.ok(fs.existsSync(vsix), `no .vsix at ${vsix}`);
  return path.resolve(vsix);
}

function installExtension(vsix) {
  const out = run(process.execPath, [codeServerEntry, ...codeServerDirs(), '--force', '--install-extension', vsix], {
    env: codeServerEnv(),
  });
  assert.match(out, /successfully installed/, out);
}

function codeServerDirs() {
  return ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

/** User settings: the server, and no first-run distractions. */
function writeUserSettings(server) {
  const settings = {
    'wbg.server.path': server,
    'wbg.trace.server': 'messages',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 300,
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.formatOnSave': false,
    'files.autoSave': 'off',
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(userSettingsFile, JSON.stringify(settings, null, 2));
}

/** Starts code-server in its own process group (so that all it starts can be killed); its URL. */
async function startCodeServer() {
  const port = await freePort();
  const out = fs.openSync(codeServerLog, 'w');
  codeServer = spawn(
    process.execPath,
    [
      codeServerEntry,
      ...codeServerDirs(),
      ...['--config', path.join(work, 'code-server.yaml')],
      ...['--bind-addr', `127.0.0.1:${port}`],
      ...['--auth', 'none'],
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...['--log', 'debug'],
    ],
    { detached: true, stdio: ['ignore', out, out], env: codeServerEnv() },
  );
  fs.closeSync(out);
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(
    'code-server to answer /healthz',
    async () => {
      if (codeServer.exitCode !== null) throw new Fatal(`code-server exited with ${codeServer.exitCode}`);
      return (await fetch(`${base}/healthz`)).ok;
    },
    60_000,
    500,
  );
  return base;
}

async function openWorkbench(chromium, base) {
  browser = await chromium.launch({
    executablePath: chromePath,
    headless: process.env.WBG_E2E_HEADED !== '1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check'],
  });
  const context = await browser.newContext({ viewport: { width: 1680, height: 960 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000 * TIMEOUT_SCALE);
  const consoleOut = fs.createWriteStream(consoleLog);
  page.on('console', (m) => consoleOut.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleOut.write(`[pageerror] ${e.message}\n`));
  await page.goto(`${base}/?folder=${encodeURIComponent(crateDir)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'Cargo.toml' }).waitFor({ timeout: 60_000 });
}

// --- the test ----------------------------------------------------------------------------

/** The wbg-lsp binary under test (set in `before`). */
let serverPath;

describe('wbg extension in VS Code (code-server)', { timeout: BUILD_TIMEOUT + 300_000 }, () => {
  before(async () => {
    await step('setup', async () => {
      const chromium = await checkPrerequisites();
      prepareWorkDir();
      serverPath = buildServer();
      installExtension(packageExtension());
      writeUserSettings(serverPath);
      const base = await startCodeServer();
      await openWorkbench(chromium, base);
      await openFileWithQuickOpen('lib.rs');
      await editorLine(/pub\s+fn\s+greet\(/).first().waitFor({ timeout: 20_000 });
      // The extension activates on Rust files and starts wbg-lsp: the status item turns to a check.
      await waitUntil('the wbg status item to show a running server', async () => (await wbgStatus())?.startsWith('check wbg'), 60_000);
      log(`status bar: ${await wbgStatus()}`);
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await stopCodeServer();
  });

  it('shows the TypeScript signature on hover', async () => {
    await step('hover', async () => {
      const hover = page.locator('.monaco-hover').filter({ hasText: 'export function greet' });
      await waitUntil(
        'the hover over greet',
        async () => {
          // Move away and back, so that each try is a fresh hover.
          await page.mouse.move(5, 400);
          await token(/pub\s+fn\s+greet\(/, 'greet').hover({ timeout: 5000 });
          await hover.first().waitFor({ state: 'visible', timeout: 5000 });
          return true;
        },
        60_000,
        500,
      );
      const text = (await hover.first().innerText()).replace(/\u00a0/g, ' ');
      await page.screenshot({ path: path.join(artifacts, 'hover.png') });
      assert.ok(text.includes(GREET_TS), `hover text:\n${text}`);
      assert.ok(text.includes('Says hello to'), `hover text:\n${text}`);
      await page.mouse.move(5, 400);
      await page.keyboard.press('Escape');
    });
  });

  it('lists the setter diagnostic in the Problems panel', async () => {
    await step('problems', async () => {
      await token(/pub\s+fn\s+greet\(/, 'greet').click();
      await waitUntil(
        'the Problems panel',
        async () => {
          if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
          return page.locator('.markers-panel').isVisible();
        },
        20_000,
        1000,
      );
      await waitUntil('the setter diagnostic in the Problems panel', async () => (await problemsText()).includes(SETTER_MESSAGE), 30_000);
      // From wbg, on the name of the setter in lib.rs.
      const text = await problemsText();
      assert.match(text, /lib\.rs/, text);
      assert.match(text, /wbg\s*\(?setter-prefix/, text); // source and code: "wbg(setter-prefix)"
      assert.ok(text.includes(`[Ln ${STEP.line}, Col ${STEP.col}]`), text);
      // Clicking the problem goes to it in the editor (and shows the squiggle in the screenshot).
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'the setter `step`' }).first().click();
      // It selects the diagnostic's range, `step`.
      const selected = `Ln ${STEP.line}, Col ${STEP.col + 'step'.length} (4 selected)`;
      await page.locator('.statusbar').filter({ hasText: selected }).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(artifacts, 'problems.png') });
    });
  });

  it('regenerates pkg/e2e_fixture.js when the fixed file is saved', { timeout: BUILD_TIMEOUT + 120_000 }, async () => {
    await step('save', async () => {
      assert.ok(!fs.existsSync(generatedJs), `${generatedJs} exists before any save`);
      // Rename the setter in the editor: go to its line, double-click selects `step`, typing
      // replaces it.
      await goToLine(STEP.line);
      await token(/pub\s+fn\s+step\(/, 'step').dblclick();
      await page.keyboard.type('set_step', { delay: 30 });
      await page.keyboard.press('Escape');
      await editorLine(/pub\s+fn\s+set_step\(/).first().waitFor({ timeout: 10_000 });
      await waitUntil('the Problems panel to drop the setter diagnostic', async () => !(await problemsText()).includes(SETTER_MESSAGE), 30_000);
      assert.equal(fs.readFileSync(libRs, 'utf8').includes('fn set_step('), false, 'the fix is not on disk before saving');

      await page.keyboard.press('Control+S');
      await waitUntil('lib.rs saved', () => fs.readFileSync(libRs, 'utf8').includes('pub fn set_step(&mut self, v: u32)'), 20_000);
      log(`saved; waiting up to ${BUILD_TIMEOUT / 1000} s for the wasm32 build and ${path.relative(repo, generatedJs)}`);
      const t0 = Date.now();
      const js = await waitUntil(
        `${generatedJs} to be written`,
        async () => {
          const status = await wbgStatus().catch(() => '');
          if (status?.startsWith('error')) throw new Fatal(`the build failed; status bar: ${status}`);
          return fs.existsSync(generatedJs) && fs.readFileSync(generatedJs, 'utf8');
        },
        BUILD_TIMEOUT,
        1000,
      );
      log(`generated after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      assert.match(js, /export function greet\(/);
      assert.match(js, /\bset step\(/);
      assert.match(js, /export class Counter\b/);
      // Status item: back to a check once done.
      await waitUntil('the wbg status item to show done', async () => (await wbgStatus())?.startsWith('check wbg'), 60_000);
      // The hover agrees with the .d.ts that was written.
      const dts = fs.readFileSync(generatedDts, 'utf8');
      assert.ok(dts.split('\n').some((l) => l.trim() === GREET_TS), `${GREET_TS} not in:\n${dts}`);
    });
  });

  it('shows the wbg output when the status item is clicked', async () => {
    await step('output', async () => {
      await page.locator('.statusbar .statusbar-item').filter({ hasText: /^\s*wbg\b/ }).first().click();
      const output = page.locator('.panel .monaco-editor .view-lines');
      const text = await waitUntil(
        'the wbg output channel',
        async () => {
          const t = (await output.first().innerText()).replace(/\u00a0/g, ' ');
          return t.includes('wbg: done: wrote') && t;
        },
        20_000,
      );
      assert.ok(text.includes(`(from setting)`), text);
      assert.ok(text.includes(`cargo build ${CRATE}`), text);
    });
  });

  it('shows the generated glue beside the source', async () => {
    await step('glue', async () => {
      await runCommand('wbg: Show generated JS/TS for this file');
      const tab = page.locator('.tabs-container .tab').filter({ hasText: `${CRATE} (generated glue).ts` });
      await tab.first().waitFor({ timeout: 20_000 });
      const glueEditor = page.locator('.editor-group-container').filter({ has: page.locator('.tab.active', { hasText: 'generated glue' }) });
      await waitUntil(
        'the glue to show the greet signature',
        async () => (await glueEditor.first().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').includes(GREET_TS),
        20_000,
      );
      await page.screenshot({ path: path.join(artifacts, 'glue.png') });
    });
  });

  it('forwards a setting changed in the Settings editor to the running server', { timeout: 240_000 }, async () => {
    await step('settings', async () => {
      // Change wbg.outDir as a user does, in the Settings editor; the extension sends the
      // server workspace/didChangeConfiguration, and the next run writes to the new place.
      await page.locator('.tabs-container .tab').filter({ hasText: 'lib.rs' }).first().click();
      await runCommand('Preferences: Open User Settings');
      await page.locator('.settings-editor').waitFor({ timeout: 20_000 });
      await page.keyboard.type('wbg.outDir', { delay: 20 });
      const input = page.locator('.settings-editor .setting-item-contents').filter({ hasText: 'Out Dir' }).locator('input').first();
      await input.waitFor({ timeout: 20_000 });
      await input.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('web-pkg', { delay: 20 });
      await page.keyboard.press('Tab');
      await waitUntil('wbg.outDir in settings.json', () => /"wbg\.outDir":\s*"web-pkg"/.test(fs.readFileSync(userSettingsFile, 'utf8')), 20_000);
      await page.screenshot({ path: path.join(artifacts, 'settings.png') });
      await page.keyboard.press('Control+W');

      const webJs = path.join(crateDir, 'web-pkg', `${CRATE}.js`);
      await page.locator('.tabs-container .tab').filter({ hasText: 'lib.rs' }).first().click();
      let tries = 0;
      const js = await waitUntil(
        `${path.relative(repo, webJs)} after "wbg: Regenerate glue now"`,
        async () => {
          // The setting travels asynchronously; a run that started before it arrived still
          // writes pkg/, so ask again (a few times at most).
          if (tries++ >= 4) throw new Fatal('the new outDir never reached the server');
          await runCommand('wbg: Regenerate glue now');
          const deadline = Date.now() + 20_000;
          while (Date.now() < deadline) {
            if (fs.existsSync(webJs)) return fs.readFileSync(webJs, 'utf8');
            await new Promise((r) => setTimeout(r, 500));
          }
          return false;
        },
        120_000,
        1000,
      );
      assert.match(js, /export function greet\(/);
    });
  });
});
