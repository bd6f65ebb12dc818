// Loads the nodejs-target glue generated into ./pkg and calls the exported function.
const { greet } = require('./pkg/hello.js');
console.log(greet('World'));
