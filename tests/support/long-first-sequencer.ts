import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take longest (each a minute or more in a full run on two cores), by
 * path prefix, longest first. They start first so that the workers finish together instead
 * of one waiting for the kill test at the end.
 */
const LONG_FIRST = [
  'tests/cli/scheduler-kill.test.ts',
  'tests/cli/scheduler-postgres.test.ts',
  'tests/cli/pipe-head.test.ts',
  'tests/e2e/',
  'tests/cli/wordpress-',
  'tests/channels/contract/wordpress.test.ts',
  'tests/audio/build.test.ts',
  'tests/i18n/typed-params.test.ts',
  'tests/channels/bulletin/integration.test.ts',
  'tests/cli/simulate-quarter.test.ts',
];

/** Vitest's order (failed first, then by the durations it remembers), the long files first. */
export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const path = relative(file.project.config.root, file.moduleId).replaceAll('\\', '/');
      const index = LONG_FIRST.findIndex((prefix) => path.startsWith(prefix));
      return index < 0 ? LONG_FIRST.length : index;
    };
    return sorted
      .map((file, index) => ({ file, index, rank: rank(file) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ file }) => file);
  }
}
