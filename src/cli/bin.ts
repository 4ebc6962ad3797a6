#!/usr/bin/env node
import { main } from './main.js';

// The `hookcert` executable. `process.exitCode`, never `process.exit`, so every report is flushed first.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
