// wasm-bindgen-test-runner's harness: runs the tests listed in config.json in Node or in a
// browser page and reports each step to the runner as one JSON event (Node: a prefixed line
// on stdout; browser: a POST to /event). Written next to the generated glue; the runner
// judges outcomes (should_panic, expected messages), this file only observes them.
//
// After a test ends abnormally (panic trap, JS exception) the next test gets a fresh
// instance: a trap leaves Rust's state (borrows, panic count, executor) half-updated.

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
const EVENT_PREFIX = '\u0001wbgt ';

let send;
let config;
let from = 0;
let nodeRequire;

if (isNode) {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const url = await import('node:url');
    const { createRequire } = await import('node:module');
    const here = path.dirname(url.fileURLToPath(import.meta.url));
    config = JSON.parse(fs.readFileSync(path.join(here, 'config.json'), 'utf8'));
    config.dir = here;
    from = Number(process.argv[2] || 0);
    nodeRequire = createRequire(import.meta.url);
    const write = process.stdout.write.bind(process.stdout);
    // Pipes are written synchronously on Linux, so a `start` event is out before a test
    // that never returns begins.
    send = async (event) => { write(EVENT_PREFIX + JSON.stringify(event) + '\n'); };
    process.on('unhandledRejection', (e) => failCurrent(e));
    process.on('uncaughtException', (e) => failCurrent(e));
} else {
    config = await (await fetch('config.json', { cache: 'no-store' })).json();
    const params = new URLSearchParams(location.search);
    from = Number(params.get('from') || 0);
    // Tells this page's events from those of a page the runner already gave up on.
    const g = Number(params.get('gen') || 0);
    // Events are chained so they arrive in order; awaiting one means the runner has it.
    let queue = Promise.resolve();
    send = (event) => {
        const body = JSON.stringify({ ...event, g });
        queue = queue.then(() => fetch('/event', { method: 'POST', body })).catch(() => {});
        return queue;
    };
    addEventListener('unhandledrejection', (ev) => { ev.preventDefault(); failCurrent(ev.reason); });
    addEventListener('error', (ev) => { ev.preventDefault(); failCurrent(ev.error ?? ev.message); });
}

// --- the test being run ----------------------------------------------------------------

let current = null;

function finishCurrent(result) {
    if (current !== null && !current.settled) {
        current.settled = true;
        current.resolve(result);
    }
}

function outcomeOf(error) {
    if (current !== null && current.panic !== null) {
        return { outcome: 'panic', message: current.panic.message, location: current.panic.location };
    }
    const message = error instanceof Error ? error.message : String(error);
    // The harness's own frames say nothing about the test.
    const stack = error instanceof Error && typeof error.stack === 'string'
        ? error.stack.split('\n').filter((l) => !l.includes('harness.mjs') && !l.includes('new Promise (<anonymous>)')).join('\n')
        : '';
    return { outcome: 'exception', message, stack };
}

function failCurrent(error) {
    finishCurrent(outcomeOf(error));
}

// What the test crate imports (`wasm_bindgen_test::__rt`).
globalThis.__wbgtest = {
    panic(message, location) {
        if (current !== null && current.panic === null) current.panic = { message, location };
    },
    done(failed, message) {
        finishCurrent(failed ? { outcome: 'err', message } : { outcome: 'ok' });
    },
    log(text) {
        capture('log', [text]);
    },
};

// --- output capture ----------------------------------------------------------------------

function show(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.stack || String(value);
    try {
        return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    } catch (_) {
        return String(value);
    }
}

function capture(level, args) {
    send({ ev: 'log', level, text: args.map(show).join(' ') });
}

for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    console[level] = (...args) => capture(level, args);
}

// --- loading -----------------------------------------------------------------------------

let loads = 0;
let compiled = null;

async function load() {
    loads += 1;
    if (isNode && config.format === 'cjs') {
        // A fresh instance: the glue and every module it loaded (a test's JS companions
        // hold the glue's exports) are loaded again.
        for (const key of Object.keys(nodeRequire.cache)) delete nodeRequire.cache[key];
        return nodeRequire('./' + config.module).__wasm;
    }
    // ES module glue (browser, run_in_node_experimental): a new URL is a new module
    // instance with its own state; the compiled wasm is reused.
    const glue = await import('./' + config.module + '?instance=' + loads);
    if (isNode) {
        const fs = await import('node:fs');
        const path = await import('node:path');
        compiled ??= new WebAssembly.Module(fs.readFileSync(path.join(config.dir, config.wasm)));
        return glue.initSync({ module: compiled });
    }
    compiled ??= await WebAssembly.compileStreaming(fetch(config.wasm));
    return await glue.default({ module_or_path: compiled });
}

// --- the run -----------------------------------------------------------------------------

async function runOne(wasm, test) {
    const result = await new Promise((resolve) => {
        current = { panic: null, settled: false, resolve };
        try {
            wasm[test.export]();
        } catch (e) {
            failCurrent(e);
        }
        // Sync tests have called `done` (or thrown) by now; async ones settle later.
    });
    current = null;
    return result;
}

async function main() {
    let wasm = null;
    for (let i = from; i < config.tests.length; i++) {
        const test = config.tests[i];
        if (wasm === null) {
            try {
                wasm = await load();
            } catch (e) {
                await send({ ev: 'fatal', message: 'cannot load the test module: ' + show(e) });
                return;
            }
            if (typeof wasm[test.export] !== 'function') {
                await send({ ev: 'fatal', message: 'the module has no export ' + test.export });
                return;
            }
        }
        await send({ ev: 'start', i });
        const result = await runOne(wasm, test);
        if (result.outcome !== 'ok' && result.outcome !== 'err') wasm = null;
        await send({ ev: 'end', i, ...result });
    }
    await send({ ev: 'done' });
}

await main();
// Timers a test left behind must not keep Node alive.
if (isNode) process.exit(0);
