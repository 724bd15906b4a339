import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './tests/support/long-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // NOTE: vitest's default is one worker less than the cores: one on a two-core machine.
    // Much of the suite waits (WordPress, PostgreSQL, Chromium, the CLI in child processes),
    // so two files run side by side even there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongFirstSequencer },
    // Compiles src/ once for the tests that start the real CLI.
    globalSetup: ['tests/support/built-cli.ts'],
  },
});
