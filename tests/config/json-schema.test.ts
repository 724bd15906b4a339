import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allJsonSchemas } from '../../src/config/json-schema.js';

const ROOT = join(import.meta.dirname, '../..');

function validator(name: keyof ReturnType<typeof allJsonSchemas>) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(allJsonSchemas()[name]);
}

function yamlFiles(dir: string): [string, unknown][] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [f, parse(readFileSync(join(ROOT, dir, f), 'utf8'))]);
}

function frontMatters(): [string, unknown][] {
  const dir = join(ROOT, 'content');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const match = /^---\n([\s\S]*?)\n---/.exec(text);
      return [f, parse(match?.[1] ?? '')];
    });
}

describe('loa schema output, checked by an independent validator (ajv, draft 2020-12)', () => {
  it('accepts every plan in schedules/', () => {
    const validate = validator('plan.schema.json');
    const plans = yamlFiles('schedules');
    expect(plans.length).toBeGreaterThanOrEqual(5);
    for (const [file, data] of plans) {
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts every channel in channels/', () => {
    const validate = validator('channel.schema.json');
    const channels = yamlFiles('channels');
    expect(channels.length).toBeGreaterThanOrEqual(4);
    for (const [file, data] of channels) {
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts the front matter of every content item', () => {
    const validate = validator('content.schema.json');
    const items = frontMatters();
    expect(items.length).toBeGreaterThanOrEqual(12);
    for (const [file, data] of items) {
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts a child plan whose task implements a parent task, and refuses a malformed one', () => {
    const plan = validator('plan.schema.json');
    const child = parse(
      readFileSync(join(ROOT, 'examples/xa-vu-ninh-2025/schedules/xa-vu-ninh-2025.yaml'), 'utf8'),
    ) as { tasks: Record<string, unknown>[] };
    expect(child.tasks[0]?.implements).toEqual([{ plan: 'huyen-kien-xuong-2025', task: 'loa-xa' }]);
    expect(plan(child), JSON.stringify(plan.errors)).toBe(true);
    const withTask = (implementsValue: unknown) => ({
      ...child,
      tasks: [{ ...child.tasks[0], implements: implementsValue }],
    });
    expect(plan(withTask([{ plan: 'huyen-kien-xuong-2025' }]))).toBe(false);
    expect(plan(withTask([{ plan: 'huyen-kien-xuong-2025', task: 'loa-xa', unit: 'x' }]))).toBe(
      false,
    );
    expect(plan(withTask([]))).toBe(false);
    expect(plan(withTask('loa-xa'))).toBe(false);
  });

  it('refuses what loa refuses: unknown keys, bad ids, wrong kinds, bad times', () => {
    const plan = validator('plan.schema.json');
    const [, good] = yamlFiles('schedules')[0] ?? [];
    expect(plan({ ...(good as object), colour: 'red' })).toBe(false);
    expect(plan({ ...(good as object), id: 'Có_Dấu' })).toBe(false);
    const channel = validator('channel.schema.json');
    expect(channel({ id: 'x', name: 'X', unit: 'u', kind: 'fax' })).toBe(false);
    const [, broadcast] =
      yamlFiles('channels').find(([, c]) => (c as { kind: string }).kind === 'broadcast') ?? [];
    expect(broadcast).toBeDefined();
    expect(channel(broadcast)).toBe(true);
    expect(
      channel({
        ...(broadcast as object),
        slots: [{ weekday: 'fri', start: '25:00', lengthSec: 900 }],
      }),
    ).toBe(false);
  });
});
