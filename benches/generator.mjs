// Generator benchmark: wall time of one `bindgen --target nodejs` run of wbg's CLI and of
// upstream's on the same crate's debug module, and the size of what each writes.
// Run through scripts/bench-gen, which builds the CLI and the modules.
//
// Arguments: --wbg CLI --wbg-wasm FILE [--upstream CLI --upstream-wasm FILE] --out DIR
// Environment: WBG_GEN_REPS runs per CLI (default 15), interleaved.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

const opts = {};
for (let i = 2; i < process.argv.length; i += 2) opts[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!opts.wbg || !opts['wbg-wasm'] || !opts.out) {
    console.error('usage: generator.mjs --wbg CLI --wbg-wasm FILE [--upstream CLI --upstream-wasm FILE] --out DIR');
    process.exit(2);
}
const REPS = Number(process.env.WBG_GEN_REPS || 15);

const tools = [{ name: 'wbg', cli: opts.wbg, args: ['bindgen'], wasm: opts['wbg-wasm'] }];
if (opts.upstream) tools.push({ name: 'upstream', cli: opts.upstream, args: [], wasm: opts['upstream-wasm'] });

function run(tool) {
    const dir = join(opts.out, tool.name);
    rmSync(dir, { recursive: true, force: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(tool.cli, [...tool.args, tool.wasm, '--out-dir', dir, '--target', 'nodejs'], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
        console.error(`bench: ${tool.name} failed (${r.status}):\n${r.stderr}`);
        process.exit(1);
    }
    return ms;
}

mkdirSync(opts.out, { recursive: true });
for (const t of tools) { run(t); t.ms = []; } // warm the page cache
for (let r = 0; r < REPS; r++) for (const t of tools) t.ms.push(run(t));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const kb = (n) => (n / 1024).toFixed(1);
const sizes = (t) => {
    const dir = join(opts.out, t.name);
    const files = Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size]));
    const ext = (suffix) => Object.entries(files).filter(([f]) => f.endsWith(suffix) && !f.endsWith('.d.ts')).reduce((a, [, n]) => a + n, 0);
    return { input: statSync(t.wasm).size, js: ext('.js'), dts: files['wbg_bench.d.ts'] ?? 0, wasm: ext('.wasm'), files };
};
for (const t of tools) t.size = sizes(t);

console.log(`generator bench: node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'} x${os.cpus().length}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, ${REPS} interleaved runs each`);
console.log('`bindgen --target nodejs` of benches/wasm built in debug; wall time of the whole process\n');
const rows = [
    ['input .wasm (KiB)', (t) => kb(t.size.input)],
    ['time, median (ms)', (t) => median(t.ms).toFixed(1)],
    ['time, minimum (ms)', (t) => Math.min(...t.ms).toFixed(1)],
    ['JS (bytes)', (t) => String(t.size.js)],
    ['.d.ts (bytes)', (t) => String(t.size.dts)],
    ['output .wasm (KiB)', (t) => kb(t.size.wasm)],
];
const header = ['', ...tools.map((t) => t.name)];
if (tools.length === 2) header.push('wbg/upstream');
const ratio = (f) => {
    const [a, b] = tools.map((t) => Number(f(t)));
    return (a / b).toFixed(2) + 'x';
};
const table = rows.map(([label, f]) => {
    const row = [label, ...tools.map(f)];
    if (tools.length === 2) row.push(ratio(f));
    return row;
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => '| ' + cells.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join(' | ') + ' |';
console.log(line(header));
console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
for (const r of table) console.log(line(r));
if (tools.length === 2) {
    const [w, u] = tools;
    console.log('');
    for (const [label, f] of [['median', median], ['minimum', (xs) => Math.min(...xs)]]) {
        const r = f(w.ms) / f(u.ms);
        console.log(`goal (${label}): generation at most half of upstream's time: ${r.toFixed(2)}x -> ${r <= 0.5 ? 'MET' : 'NOT MET'}`);
    }
    console.log(`goal: generated JS no larger than upstream's: ${w.size.js} vs ${u.size.js} bytes -> ${w.size.js <= u.size.js ? 'MET' : 'NOT MET'}`);
} else {
    console.log('\nupstream: not measured. Install its CLI (cargo install wasm-bindgen-cli --version 0.2.130) and run\n'
        + '          WBG_UPSTREAM_WASM_BINDGEN=$(command -v wasm-bindgen) scripts/bench-gen');
}
const json = { node: process.version, load: os.loadavg(), reps: REPS, tools: Object.fromEntries(tools.map((t) => [t.name, { ms: t.ms, median: median(t.ms), min: Math.min(...t.ms), size: t.size }])) };
writeFileSync(join(opts.out, 'results.json'), JSON.stringify(json, null, 2) + '\n');
console.log(`figures written to ${join(opts.out, 'results.json')}`);
