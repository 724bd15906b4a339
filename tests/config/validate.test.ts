import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Diagnostic } from '../../src/config/diagnostic.js';
import { loadProject } from '../../src/config/project.js';
import type { Project } from '../../src/config/project-types.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/bad-project');

let root: string;
let project: Project;

function findings(file: string): Diagnostic[] {
  return project.diagnostics.filter((d) => d.file.endsWith(file));
}

beforeAll(async () => {
  root = await tempDir('bad', FIXTURE);
  // Generated here, not committed: a file over the 1 MiB limit.
  await writeFile(
    join(root, 'content/huge.md'),
    `---\ntitle: x\n---\n${'Cải cách hành chính. '.repeat(60_000)}`,
  );
  // A valid plan written with a BOM, CRLF line ends and NFD Vietnamese: accepted, stored NFC.
  const good = (await import('node:fs')).readFileSync(join(root, 'schedules/good.yaml'), 'utf8');
  await writeFile(
    join(root, 'schedules/windows-editor.yaml'),
    `\uFEFF${good.replace('tinh-mau-2024', 'tinh-mau-nfd').replace(/\n/g, '\r\n').normalize('NFD')}`,
  );
  project = await loadProject({ root, env: {} });
});

describe('loa validate on a folder of bad files', () => {
  it('reports every problem of every file with its line, column and field', () => {
    const expected: [string, Diagnostic['code'], number, string | undefined][] = [
      ['schedules/empty.yaml', 'FILE_EMPTY', 1, undefined],
      ['schedules/syntax.yaml', 'YAML_SYNTAX', 5, undefined],
      ['schedules/wrong-types.yaml', 'BAD_ID', 1, 'id'],
      ['schedules/wrong-types.yaml', 'BAD_DATE', 4, 'document.date'],
      ['schedules/wrong-types.yaml', 'PERIOD_REVERSED', 7, 'period'],
      ['schedules/wrong-types.yaml', 'BAD_ZONE', 8, 'timeZone'],
      ['schedules/wrong-types.yaml', 'FIELD_UNKNOWN', 17, 'tasks[0].colour'],
      ['schedules/wrong-types.yaml', 'FIELD_ENUM', 18, 'tasks[0].rule.per'],
      ['schedules/wrong-types.yaml', 'FIELD_TYPE', 18, 'tasks[0].rule.atLeast'],
      ['channels/legacy-vni.yaml', 'TEXT_LEGACY_ENCODING', 5, undefined],
      ['channels/secret.yaml', 'CHANNEL_SECRET_INLINE', 9, 'credentials.password'],
      ['channels/secret.yaml', 'FIELD_REQUIRED', 8, 'credentials.passwordEnv'],
      ['channels/short-slot.yaml', 'UNKNOWN_TASK', 10, 'serves[0].tasks[1]'],
      ['channels/short-slot.yaml', 'SLOT_TOO_SHORT', 12, 'slots[0].lengthSec'],
      ['channels/short-slot.yaml', 'SLOT_OUTSIDE_WINDOW', 13, 'slots[1].start'],
      ['content/tcvn3-bytes.md', 'TEXT_LEGACY_ENCODING', 2, undefined],
      ['content/no-front-matter.md', 'FRONT_MATTER_MISSING', 1, undefined],
      ['content/bad-date.md', 'BAD_DATETIME', 6, 'publishAt'],
      ['content/bad-refs.md', 'UNKNOWN_CHANNEL', 3, 'channels[0]'],
      ['content/bad-refs.md', 'UNKNOWN_UNIT', 4, 'unit'],
      ['content/bad-refs.md', 'UNKNOWN_TOPIC', 6, 'topics[0]'],
      ['content/bad-refs.md', 'UNKNOWN_MEDIA', 9, 'media[0].file'],
      ['content/both-slot.md', 'PUBLISH_AT_AND_SLOT', 2, undefined],
      ['content/both-slot.md', 'FIELD_TOO_BIG', 8, 'priority'],
      ['content/huge.md', 'FILE_TOO_LARGE', 1, undefined],
    ];
    for (const [file, code, line, field] of expected) {
      const match = findings(file).find((d) => d.code === code && d.line === line);
      expect(match, `${file}: ${code} at line ${line}`).toBeDefined();
      if (field) expect(match?.field).toBe(field);
      expect(match?.column).toBeGreaterThan(0);
    }
  });

  it('cites the plan clause when a broadcast slot breaks the plan', () => {
    const short = findings('channels/short-slot.yaml').find((d) => d.code === 'SLOT_TOO_SHORT');
    expect(short?.params).toMatchObject({ source: 'IV.1.d', minimum: 900, length: 600 });
    const late = findings('channels/short-slot.yaml').find((d) => d.code === 'SLOT_OUTSIDE_WINDOW');
    expect(late?.params).toMatchObject({ source: 'IV.1.d', window: '18:00–22:00' });
  });

  it('accepts BOM, CRLF and NFD Vietnamese, storing the text as NFC', () => {
    expect(findings('schedules/windows-editor.yaml')).toEqual([]);
    const plan = project.plans.find((p) => p.value.id === 'tinh-mau-nfd');
    expect(plan?.value.document.issuer).toBe('Ủy ban nhân dân tỉnh Mẫu');
    expect(plan?.value.document.issuer).toBe(plan?.value.document.issuer.normalize('NFC'));
  });

  it('never leaks an inline password into a message', () => {
    const text = JSON.stringify(project.diagnostics);
    expect(text).not.toContain('hunter2');
  });

  it('exits 1 and names each bad file with line and column, in Vietnamese by default', async () => {
    const output = captureOutput();
    const code = await main(['validate', '--dir', root], output);
    expect(code).toBe(1);
    const printed = output.all();
    for (const file of [
      'schedules/empty.yaml',
      'schedules/syntax.yaml',
      'channels/secret.yaml',
      'content/huge.md',
    ]) {
      expect(printed).toMatch(new RegExp(`${file.replace('.', '\\.')}:\\d+:\\d+`));
    }
    expect(printed).toContain('Ngày không hợp lệ: "2024-02-30"');
    expect(printed).toContain(relative(process.cwd(), join(root, 'schedules/wrong-types.yaml')));
  });

  it('speaks English with LOA_LANG=en', async () => {
    const before = process.env.LOA_LANG;
    process.env.LOA_LANG = 'en';
    try {
      const output = captureOutput();
      await main(['validate', '--dir', root], output);
      expect(output.all()).toContain('Invalid date: "2024-02-30"');
      expect(output.all()).toContain('Use YYYY-MM-DD with a real date');
    } finally {
      if (before === undefined) delete process.env.LOA_LANG;
      else process.env.LOA_LANG = before;
    }
  });
});
