import { z } from 'zod';
import { Channel } from '../model/channel.js';
import { ItemFrontMatter } from '../model/item.js';
import { Plan } from '../model/plan.js';

/** The JSON Schema files `loa schema` writes, by file name. */
export const SCHEMA_FILES = {
  'plan.schema.json': Plan,
  'channel.schema.json': Channel,
  'content.schema.json': ItemFrontMatter,
} as const;

/**
 * JSON Schema (draft 2020-12) for one file kind, generated from its zod schema. `io: 'input'`
 * describes what an editor writes: fields with defaults are optional.
 */
export function jsonSchemaOf(schema: z.ZodType, title: string): Record<string, unknown> {
  return { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
}

/** Every schema file with its content. */
export function allJsonSchemas(): Record<keyof typeof SCHEMA_FILES, Record<string, unknown>> {
  return {
    'plan.schema.json': jsonSchemaOf(Plan, 'loa plan (schedules/*.yaml)'),
    'channel.schema.json': jsonSchemaOf(Channel, 'loa channel (channels/*.yaml)'),
    'content.schema.json': jsonSchemaOf(
      ItemFrontMatter,
      'loa content item front matter (content/**/*.md)',
    ),
  };
}
