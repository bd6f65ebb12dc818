// A test's JS module in upstream's Node convention: reached by a raw module name through
// NODE_PATH (the crate root), and reaching the Rust exports through the glue's name.
const glue = require('wasm-bindgen-test.js');

exports.call_rust_triple = (n) => glue.triple(n);
exports.can_collect = () => typeof gc === 'function';
exports.triple_of_a_string = () => {
  try { glue.triple('a'); return 'accepted'; } catch (e) { return e.message; }
};
