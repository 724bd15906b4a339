import { z } from 'zod';
import { Id, LocalDateTime, Text } from './primitives.js';

/** An image or clip beside the item, with its Vietnamese alt text. */
export const Media = z.strictObject({
  file: z.string().min(1),
  alt: Text,
  caption: Text.optional(),
});

/** The front matter of a content item (`content/**\/*.md`). */
export const ItemFrontMatter = z
  .strictObject({
    title: Text,
    summary: Text.optional(),
    topics: z.array(Id).default([]),
    channels: z.array(Id).min(1),
    unit: Id,
    author: Text,
    /** When to publish: local time in the plan's zone unless an offset is given. */
    publishAt: LocalDateTime.optional(),
    /** `next`: the next free slot of each channel's posting schedule. */
    slot: z.literal('next').optional(),
    /** 1 (low) … 5 (high); rundowns and bulletins prefer higher. */
    priority: z.number().int().min(1).max(5).default(3),
    /** Planned length on air, for broadcast channels. */
    durationSec: z.number().int().positive().optional(),
    media: z.array(Media).default([]),
    /** Repost on the portal once aired (seed 003, II.2.b). */
    repost: z.boolean().default(false),
    /** Always usable to top up a short rundown. */
    evergreen: z.boolean().default(false),
    status: z.enum(['draft', 'approved']).default('draft'),
    presenter: Text.optional(),
    segment: Text.optional(),
  })
  .refine((f) => !(f.publishAt !== undefined && f.slot !== undefined), {
    params: { code: 'PUBLISH_AT_AND_SLOT' },
  })
  .describe('Front matter of a loa content item');
export type ItemFrontMatter = z.infer<typeof ItemFrontMatter>;

/** A content item: front matter, Markdown body, and an id from its path. */
export interface ContentItem extends ItemFrontMatter {
  id: string;
  body: string;
}
