// Ticks every 100 ms, frees the Interval after ~550 ms, then shows that ticking stopped.
const { start_ticking } = require('./pkg/closures_example.js');
const interval = start_ticking(100);
setTimeout(() => {
  interval.free();
  console.log('interval dropped');
  setTimeout(() => console.log('no ticks after the drop'), 350);
}, 550);
