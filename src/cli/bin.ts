#!/usr/bin/env node
import { main } from './main.js';
import { consoleOutput, printError } from './output.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(consoleOutput, error);
    process.exitCode = 1;
  },
);
