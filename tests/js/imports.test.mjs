// Importing JavaScript into Rust, for each target.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { TARGETS, load, outDir } from './support.mjs';

// What the fixture reaches through globals.
let reads = 0;
globalThis.wbgTest = {
  nested: { deep: (x) => x * 2 },
  Inner: { triple: (x) => x * 3 },
  // `onThrow`, when a test sets it, runs first (while the Rust caller still holds its borrows).
  thrower(msg) {
    const hook = globalThis.wbgTest.onThrow;
    if (hook) { globalThis.wbgTest.onThrow = null; hook(msg); }
    throw new Error(`thrown by JS: ${msg}`);
  },
  onThrow: null,
  get counted() { reads += 1; return { reads }; },
  // Records what JS receives, so the test sees the JS values, not only the round trip.
  received: [],
  echo: (x) => { globalThis.wbgTest.received.push(x); return x; },
  unitCalls: 0,
  record() { this.unitCalls += 1; },
};
globalThis.wbgVendorGadget = class { kind() { return 'vendor-prefixed'; } };

function captureLog(f) {
  const lines = [];
  const original = console.log;
  console.log = (...args) => lines.push(args);
  try { f(); } finally { console.log = original; }
  return lines;
}

for (const target of TARGETS) {
  describe(`imports (${target})`, () => {
    let m;
    before(async () => { m = await load('imports', target); });

    test('globals and namespaces: Math, parseInt, nested js_namespace', () => {
      assert.equal(m.math_check(), 2 + 255);
      assert.equal(m.call_deep(21), 42);
      assert.equal(m.call_namespace_type(5), 15, '`js_namespace = [.., "Inner"]` is also `Inner::triple`');
      const original = globalThis.wbgTest.Inner.triple;
      globalThis.wbgTest.Inner.triple = (x) => x * 4;
      try {
        assert.equal(m.call_namespace_type(5), 20, 'looked up on every call');
        assert.equal(m.call_namespace_final(5), 15, '`final`: the function there when the glue loaded');
      } finally {
        globalThis.wbgTest.Inner.triple = original;
      }
    });

    test('generic imports: erased type parameters, the same JS objects', () => {
      assert.equal(m.generic_store_label('t', 'alpha'), 't:alpha',
        'a generic method returns the associated type (`Item`) of the default parameter');
      const any = m.generic_store_any('u', 'beta');
      assert.equal(any.constructor.name, 'Item', 'another kind: the same JS object, as a JsValue');
      assert.equal(any.label, 'u:beta');
      const store = m.generic_store('s');
      assert.equal(store.constructor.name, 'Store');
      assert.equal(store.tag, 's');
      const item = m.generic_store_any('v', 'gamma');
      assert.equal(m.generic_store_round_trip(item), item, "the method's own parameter, both ways");
      assert.equal(m.generic_store_missing(), true, '`Option<V>`: undefined is None');
      const obj = { kind: 'lifetime' };
      assert.equal(m.lifetime_round_trip(obj), obj, 'lifetime-generic types to and from JsValue');
    });

    test('console.log overloads through js_name, and variadic', () => {
      const lines = captureLog(() => m.log_things());
      assert.deepEqual(lines, [['hello'], [7], ['a', 'b'], [1, 'two', null]]);
    });

    test("the seed's Bar: new, another_function, get/set, property/set_property", () => {
      // Bar::new(39); set(39 + 3); set_property(0 + 6) -> 42 * 100 + 6
      assert.equal(m.seed_run(), 4206);
      assert.equal(m.free_another_function(), 39);
      assert.equal(m.call_kebab_case(), 42, 'a module member named "kebab-case"');
    });

    test('static methods and static getters; imported objects cross both ways', () => {
      const before = m.bar_instances();
      const bar = m.make_bar(5);
      assert.equal(bar.constructor.name, 'Bar');
      assert.equal(bar.get(), 5);
      assert.equal(m.bar_instances(), before + 1);
      const copy = m.clone_bar(bar);
      assert.equal(copy, bar, 'Clone keeps the same JS object');
    });

    test('named getters and setters, js_name on methods, structural methods', () => {
      const bar = m.make_bar(8);
      assert.equal(m.relabel(bar), 'bar->renamed|value: 8|BAR 8!');
      assert.equal(bar.label, 'renamed');
    });

    test('catch returns Err with the thrown object', () => {
      const bar = m.make_bar(1);
      assert.equal(m.bar_fail(bar, ''), 11);
      const thrown = m.bar_fail(bar, 'nope');
      assert.deepEqual(thrown, { thrown: 'nope' });
      assert.deepEqual(m.parse_json('{"a":[1,2]}'), { a: [1, 2] });
      assert.equal(m.parse_failed('{oops'), true);
      assert.ok(m.parse_json('{oops') instanceof SyntaxError);
    });

    test('without catch, a JS exception reaches the JS caller and nothing is left corrupted', () => {
      assert.throws(() => m.call_thrower('boom'), { message: 'thrown by JS: boom' });
      assert.equal(m.call_deep(1), 2, 'module still usable');
      const g = new m.Guard();
      assert.throws(() => g.risky('inside &mut self'), { message: 'thrown by JS: inside &mut self' });
      assert.equal(g.value(), 1, 'the &mut borrow was released');
      assert.throws(() => g.risky('again'), /again/);
      assert.equal(g.count, 2);
      g.free();
    });

    test('an exception through a nested method releases that method\'s borrows only', () => {
      const outer = new m.Guard();
      const inner = new m.Guard();
      const seen = [];
      globalThis.wbgTest.onThrow = () => {
        // `outer` is &mut-borrowed by the running `risky`. A nested call that throws through
        // Rust unwinds its own borrow (of `inner`, or of nothing when it was refused) and
        // not the outer one.
        assert.throws(() => inner.risky('nested'), /thrown by JS: nested/);
        assert.equal(inner.value(), 1, 'the nested &mut borrow was released');
        assert.throws(() => outer.value(), /recursive use of a `Guard` object detected/);
        assert.throws(() => outer.risky('refused'), /recursive use of a `Guard` object detected/);
        assert.throws(() => outer.value(), /recursive use of a `Guard` object detected/, 'a refused nested call leaves the outer borrow in place');
        seen.push('hook ran');
      };
      assert.throws(() => outer.risky('outer'), /thrown by JS: outer/);
      assert.deepEqual(seen, ['hook ran']);
      assert.equal(outer.value(), 1, 'the outer &mut borrow was released');
      assert.equal(inner.value(), 1);
      outer.count = 5;
      assert.equal(outer.count, 5);
      outer.free();
      inner.free();
    });

    test('extends: Deref, AsRef and From up the chain', () => {
      // extra 5 + get 100 + property 0 + get 100
      assert.equal(m.sub_bar(), 205);
    });

    test('modules: shipped beside the glue, crate-local snippet, inline_js, npm package, raw_module', () => {
      assert.equal(m.sources(), 'Hello from JS, wasm!|5|from a crate-local file|42|2.5|hello from npm|77');
      const dir = outDir('imports', target);
      const snippets = path.join(dir, 'snippets');
      assert.ok(existsSync(snippets), 'snippets/ written');
      const local = readFileSync(path.join(dir, readdirDeep(snippets).find((f) => f.endsWith('local.js'))), 'utf8');
      assert.match(local, /function local_add/);
    });

    test('structural access on a plain object, and indexing', () => {
      const plain = { name: 'plain', greet() { return `hi ${this.name}`; }, gone: 1 };
      assert.equal(m.plain_ops(plain), 'plain|hi changed|JsValue(5)');
      assert.equal(plain.name, 'changed');
      assert.equal(plain.k, 5);
      assert.equal('gone' in plain, false);
    });

    test('vendor_prefix finds the prefixed class', () => {
      assert.equal(m.gadget_kind(), 'vendor-prefixed');
    });

    test('JsCast: instanceof, is_type_of, dyn_ref, dyn_into, unchecked', () => {
      assert.equal(m.casts([1]), 'array=true string=false date=false dyn_into_array=true');
      assert.equal(m.casts('s'), 'array=false string=true date=false dyn_into_array=false');
      assert.equal(m.casts(new Date(0)), 'array=false string=false date=true dyn_into_array=false');
      assert.equal(m.unchecked({}), true);
    });

    test('statics are read lazily, once', () => {
      const before = reads;
      const first = m.counted_twice();
      assert.equal(first, `JsValue(Object({"reads":${before + 1}})) JsValue(Object({"reads":${before + 1}}))`);
      assert.equal(m.counted_twice(), first, 'not read again');
      assert.equal(m.pi(), Math.PI);
    });

    test('every foundation type through a JS function and back', () => {
      const calls = globalThis.wbgTest.unitCalls;
      globalThis.wbgTest.received = [];
      assert.equal(m.echo_all(), 'ok');
      assert.equal(globalThis.wbgTest.unitCalls, calls + 1);
      const long = 'é😀'.repeat(10_000);
      // What JS received, in the order echo_all sends it (wasm32: isize/usize are 32-bit).
      const expected = [
        ['i8', 0, -128, 127],
        ['u8', 0, 255],
        ['i16', -32768, 32767],
        ['u16', 65535],
        ['i32', -2147483648, 2147483647, -1],
        ['u32', 0, 4294967295],
        ['i64', -9223372036854775808n, 9223372036854775807n],
        ['u64', 0n, 18446744073709551615n],
        ['isize', -2147483648, 2147483647],
        ['usize', 4294967295],
        ['f32', 1.5, 3.4028234663852886e38],
        ['f64', -0.25, Number.MAX_VALUE, Infinity],
        ['bool', true, false],
        ['char', 'a', 'é', '😀'],
        ['f64 NaN', NaN],
        ['&str and String', '', '', 'ascii', 'ascii', 'héllo 😀', 'héllo 😀', long, long],
        ['JsValue and &JsValue', 'v', 'v'],
      ];
      const received = globalThis.wbgTest.received;
      let at = 0;
      for (const [what, ...values] of expected) {
        const got = received.slice(at, at + values.length);
        assert.deepEqual(got.map((v) => typeof v), values.map((v) => typeof v), `${what}: JS types`);
        assert.deepEqual(got, values, `${what}: JS values`);
        at += values.length;
      }
      assert.equal(received.length, at, 'nothing else was received');
    });

    test("js_class: a class renamed in Rust finds its JS class for new, methods, getters and statics", () => {
      assert.equal(m.foo_members(4), 'get=4 size=8 make=40');
      const foo = m.new_foo(2);
      assert.equal(foo.constructor.name, 'Foo');
      assert.equal(foo.get(), 2);
      assert.equal(m.is_foo(foo), true, 'instanceof uses the JS class too');
      assert.equal(m.is_foo(m.make_bar(1)), false);
      assert.equal(m.is_foo({ get() { return 2; } }), false);
    });

    test('methods and accessors are read on the object (the default, as in wasm-bindgen, and structural); final ones are the class\'s', () => {
      const bar = m.make_bar(8);
      assert.equal(m.describe_ways(bar), 'default=p: 8 final=p: 8 structural=p: 8 | label=bar js_name=bar structural=bar');
      bar.describe = (prefix) => `own ${prefix}`;
      Object.defineProperty(bar, 'label', {
        get() { return 'own label'; },
        set(v) { this._ownLabel = v; },
        configurable: true,
      });
      Object.defineProperty(bar, 'property', { value: -1, writable: false, configurable: true });
      assert.equal(m.describe_ways(bar), 'default=own p final=p: 8 structural=own p | label=own label js_name=own label structural=own label');
      assert.equal(m.relabel(bar), 'own label->own label|own value|BAR 8!');
      assert.equal(bar._ownLabel, 'renamed', "the object's own setter ran");
      assert.equal(bar._label, 'bar', "the prototype's setter did not");
      // `property` is `final`: the class's accessors, whatever the object has of its own.
      assert.equal(m.accessors_by_js_name(bar, 'again', 12), 'own label|12');
      assert.equal(bar._property, 12, "the prototype's property setter ran");
      assert.equal(bar.property, -1, 'the own property is untouched');
    });

    test('final reads the class prototype at each call (the object\'s own members do not hide it); the default reads the object', () => {
      const bar = m.make_bar(8);
      const proto = Object.getPrototypeOf(bar);
      const saved = ['describe', 'label', 'property'].map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)]);
      proto.describe = function (prefix) { return `replaced ${prefix}`; };
      Object.defineProperty(proto, 'label', {
        get() { return 'replaced label'; },
        set(v) { this._label = `replaced:${v}`; },
        configurable: true,
      });
      Object.defineProperty(proto, 'property', {
        get() { return -7; },
        set(v) { this._property = -v; },
        configurable: true,
      });
      try {
        // Every way sees the replaced prototype: `final` does not keep what was there at load.
        assert.equal(m.describe_ways(bar), 'default=replaced p final=replaced p structural=replaced p | label=replaced label js_name=replaced label structural=replaced label');
        assert.equal(m.describe_through_final_block(bar), 'replaced b', '`final` on the extern block');
        assert.equal(m.accessors_by_js_name(bar, 'x', 5), 'replaced label|-7');
        assert.equal(bar._label, 'replaced:x');
        assert.equal(bar._property, -5);
      } finally {
        // The class may be shared with another target's glue.
        for (const [k, d] of saved) Object.defineProperty(proto, k, d);
      }
      assert.equal(m.describe_ways(bar), 'default=p: 8 final=p: 8 structural=p: 8 | label=replaced:x js_name=replaced:x structural=replaced:x');
    });

    test('js_class names another class or a dotted path; catch with a JS error type; variadic spreads a JS array; is_type_of', () => {
      // Circle(2) = 12, Circle.unit() = 3, geo.Square(3) = 9 (own and through `final` js_class), the static.
      assert.equal(m.js_class_areas(), '12 3 9 9 geo.Square');
      assert.equal(m.sum_spread(1, [2, 3, 4]), 10);
      assert.equal(m.sum_spread(5, []), 5);
      const e = m.catch_custom_error('boom');
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'CustomError');
      assert.equal(e.message, 'boom');
      assert.equal(m.is_text('a string'), true);
      assert.equal(m.is_text(42), false);
    });

    test('no_deref leaves Deref to the type itself; AsRef<JsValue> stays', () => {
      assert.equal(m.no_deref_own_target(), 'its own deref; len 1; JsValue([7])');
    });

    test('an Option static of a missing global is None, not a ReferenceError', () => {
      assert.equal(m.optional_globals(), 'missing=false present=true namespaced=None None');
    });

    test('&mut [T], Option<&mut [T]> and Clamped<&mut [u8]> lent to an import: JS writes into the Rust slice', () => {
      assert.equal(m.mutable_slices_to_js(),
        'Float32Array [0.0, 1.0, 4.0, 9.0] Uint16Array [0, 1, 4] 5 [7, 7, 7, 7, 7] -1 Uint8ClampedArray [255, 0]');
    });

    test('a final method of a class missing at load: the glue loads, the call throws', () => {
      assert.throws(() => m.final_on_missing_class({}), (e) => e instanceof ReferenceError && /WbgNoSuchClass/.test(e.message));
    });

    test('typescript_type is used in the .d.ts', () => {
      const dts = readFileSync(path.join(outDir('imports', target), 'imports.d.ts'), 'utf8');
      assert.match(dts, /export function ts_map_identity\(m: Map<string, number>\): Map<string, number>;/);
      assert.match(dts, /export function make_bar\(n: number\): any;/);
    });
  });
}

function readdirDeep(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSyncSafe(dir)) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...readdirDeep(path.join(dir, entry.name), rel));
    else out.push(path.join('snippets', rel));
  }
  return out;
}

function readdirSyncSafe(dir) {
  return existsSync(dir) ? fsReaddir(dir) : [];
}

import { readdirSync } from 'node:fs';
function fsReaddir(dir) { return readdirSync(dir, { withFileTypes: true }); }
