#!/usr/bin/env node
import { main } from './main.js';
import { consoleOutput, guardClosedPipes, isPipeClosed, printError } from './output.js';

guardClosedPipes();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = isPipeClosed() ? 0 : code;
  },
  (error: unknown) => {
    printError(consoleOutput, error);
    process.exitCode = isPipeClosed() ? 0 : 1;
  },
);
