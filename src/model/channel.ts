import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { Id, LocalTime, Text, TimeWindow, Weekday } from './primitives.js';
import { checkRecurrence, ExceptDays, recurrenceFields } from './recurrence.js';

const EnvName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/)
  .describe('Name of an environment variable, e.g. LOA_WP_PASSWORD');

/** The plan tasks a channel carries out. */
const Serves = z.strictObject({ plan: Id, tasks: z.array(Id).min(1) });

/** Posting schedule, as in Buffer: local times per weekday for "next free slot". */
export const PostingSchedule = z.partialRecord(Weekday, z.array(LocalTime));
export type PostingSchedule = z.infer<typeof PostingSchedule>;

const common = {
  id: Id,
  name: Text,
  unit: Id,
  serves: z.array(Serves).default([]),
  postingSchedule: PostingSchedule.optional(),
  /**
   * Four-eyes approval: an item meant for this channel is approved by someone other than
   * whoever wrote its current version.
   */
  fourEyes: z.boolean().optional(),
  /** A publication found later than this after its slot is reported missed, not sent. */
  maxLatenessMinutes: z.number().int().positive().default(120),
  retry: z
    .strictObject({
      maxAttempts: z.number().int().min(1).max(50).default(5),
      baseDelaySec: z.number().int().min(1).default(30),
    })
    .default({ maxAttempts: 5, baseDelaySec: 30 }),
};

/** Cổng TTĐT: the CCHC section of an e-portal on WordPress. */
export const WordpressChannel = z.strictObject({
  ...common,
  kind: z.literal('wordpress'),
  url: z.url({ protocol: /^https?$/ }),
  section: z.strictObject({ name: Text, slug: z.string().optional() }),
  credentials: z.strictObject({ userEnv: EnvName, passwordEnv: EnvName }),
  timeoutSec: z.number().int().positive().default(20),
});

/** Bản tin điện tử: an e-bulletin issued on set days of the month. */
export const BulletinChannel = z.strictObject({
  ...common,
  kind: z.literal('bulletin'),
  title: Text,
  description: Text.optional(),
  issuesPerMonth: z.number().int().min(1).max(31).default(4),
  /** Days of the month an issue comes out; as many as issuesPerMonth. */
  issueDays: z.array(z.number().int().min(1).max(28)).min(1).default([7, 14, 21, 28]),
  /**
   * The issue days as a recurrence (RFC 5545 RRULE, one-off dates); when set it replaces
   * `issueDays`, e.g. `rrule: FREQ=MONTHLY;BYDAY=-1FR` for the last Friday of each month.
   */
  issueRecurrence: z
    .strictObject({
      rrule: recurrenceFields.rrule,
      dates: recurrenceFields.dates,
      from: recurrenceFields.from,
      until: recurrenceFields.until,
    })
    .superRefine((spec, ctx) => {
      if (spec.rrule === undefined && spec.dates === undefined) {
        ctx.addIssue({ code: 'custom', path: ['rrule'], params: { code: 'RECURRENCE_NO_DAYS' } });
      }
      checkRecurrence(spec, ctx);
    })
    .optional(),
  /** Days no issue comes out (Tết): a date or `{from, to}`. */
  except: ExceptDays.optional(),
  /** Local time the issue goes out on its day. */
  issueTime: LocalTime.default('08:00'),
  /** The public address the feeds are served from. */
  siteUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** A portal channel the issue is also posted to. */
  portal: Id.optional(),
});

/**
 * One airing slot of a programme: weekly on a `weekday`, or on the days of an RFC 5545
 * `rrule` (every other Wednesday, the 1st and 3rd Thursday, the last Friday), and/or on
 * one-off `dates`; `from`/`until` bound it and `except` takes days off.
 */
export const BroadcastSlot = z
  .strictObject({
    weekday: Weekday.optional(),
    ...recurrenceFields,
    start: LocalTime,
    lengthSec: z.number().int().positive(),
  })
  .superRefine((slot, ctx) => {
    if (slot.weekday === undefined && slot.rrule === undefined && slot.dates === undefined) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], params: { code: 'RECURRENCE_NO_DAYS' } });
    }
    if (slot.weekday !== undefined && slot.rrule !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rrule'],
        params: { code: 'SLOT_WEEKDAY_AND_RRULE' },
      });
    }
    checkRecurrence(slot, ctx);
  });
export type BroadcastSlot = z.infer<typeof BroadcastSlot>;

/** The speech engine of a programme's audio (issue 16): embedded eSpeak NG, a command, HTTP. */
const SpeechEngineSettings = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('embedded') }),
  z.strictObject({
    kind: z.literal('command'),
    /** argv with `{text}`, `{out}`, `{voice}`, `{rate}`; run without a shell. */
    command: z.array(z.string().min(1)).min(1),
    version: z.string().min(1).default('1'),
    timeoutSec: z.number().int().positive().default(120),
  }),
  z.strictObject({
    kind: z.literal('http'),
    url: z.url({ protocol: /^https?$/ }),
    version: z.string().min(1).default('1'),
    timeoutSec: z.number().int().positive().default(60),
    tokenEnv: EnvName.optional(),
  }),
]);

/** A loudspeaker or radio programme as one audio file (issue 16). */
export const AudioSettings = z.strictObject({
  /** Folder (relative to the project) with the channel's jingles. */
  folder: z.string().min(1).optional(),
  /** Intro and outro jingles in that folder (WAV or MP3). */
  intro: z.string().min(1).optional(),
  outro: z.string().min(1).optional(),
  engine: SpeechEngineSettings.default({ kind: 'embedded' }),
  /** The engine's voice: eSpeak NG `vi` (Northern), `vi-vn-x-central`, `vi-vn-x-south`. */
  voice: z.string().min(1).default('vi'),
  /** Words per minute. */
  rate: z.number().int().min(80).max(400).default(150),
  /** EBU R128 integrated loudness target: −16 LUFS for outdoor speakers. */
  targetLufs: z.number().min(-36).max(-6).default(-16),
  /** Silence between the parts of the programme, in seconds. */
  pauseSec: z.number().min(0).max(10).default(1.5),
  bitrateKbps: z
    .union([z.literal(32), z.literal(48), z.literal(64), z.literal(96), z.literal(128)])
    .default(64),
  /** Also write a WAV beside the MP3. */
  wav: z.boolean().default(false),
  /** Abbreviations read out in full, added to the built-in list. */
  abbreviations: z.record(z.string().min(1), Text).default({}),
  links: z.enum(['text', 'drop', 'speak']).default('text'),
  /** The level its programmes play at on the station's speakers; `emergency` preempts. */
  level: z.enum(['normal', 'priority', 'emergency']).default('normal'),
  /** The public address loa is served at, for podcast enclosures and playout URLs. */
  siteUrl: z.url().optional(),
  images: z.enum(['drop', 'alt']).default('drop'),
});
export type AudioSettings = z.infer<typeof AudioSettings>;

/** Chuyên mục CCHC on a TV/radio station or a commune loudspeaker station. */
export const BroadcastChannel = z.strictObject({
  ...common,
  kind: z.literal('broadcast'),
  station: Text,
  programme: Text,
  medium: z.enum(['tv', 'radio', 'loudspeaker']),
  slots: z.array(BroadcastSlot).min(1),
  /** Days the programme does not air (Tết): a date or `{from, to}`. */
  except: ExceptDays.optional(),
  primeTime: TimeWindow.optional(),
  minLengthSec: z.number().int().positive().default(900),
  /** Lead time before air at which a rundown must be ready. */
  leadTimeHours: z.number().int().min(0).default(48),
  /** Portal channel that aired works marked `repost` go to. */
  repostTo: Id.optional(),
  /** The programme as an audio file, podcast and playout schedule (issue 16). */
  audio: AudioSettings.optional(),
});

/** Feeds read in (a partner portal, a provincial paper). */
export const IngestChannel = z.strictObject({
  ...common,
  kind: z.literal('ingest'),
  feeds: z
    .array(z.strictObject({ url: z.url({ protocol: /^https?$/ }), name: Text.optional() }))
    .min(1),
  intervalMinutes: z.number().int().min(5).default(60),
  /** New entries become draft items, or press-coverage records. */
  creates: z.enum(['draft', 'press']).default('draft'),
  /** The channels the drafts are meant for. */
  channels: z.array(Id).default([]),
  timeoutSec: z.number().int().positive().default(15),
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
});

/** Files: writes one JSON file per publication into a folder; for tests and simulations. */
export const FilesChannel = z.strictObject({
  ...common,
  kind: z.literal('files'),
  /**
   * Folder under the data directory; default `out/<channel id>`. Relative, and it may not
   * leave the data directory (`../x`, `/etc`), so a channel file cannot make loa write elsewhere.
   */
  folder: z
    .string()
    .min(1)
    .refine((v) => !isAbsolute(v) && !/^[a-zA-Z]:/.test(v) && !v.split(/[\\/]+/).includes('..'), {
      params: { code: 'FOLDER_OUTSIDE_DATA' },
    })
    .optional(),
});

/** A channel file (`channels/*.yaml`). */
export const Channel = z
  .discriminatedUnion('kind', [
    WordpressChannel,
    BulletinChannel,
    BroadcastChannel,
    IngestChannel,
    FilesChannel,
  ])
  .describe('A loa channel: wordpress, bulletin, broadcast or ingest');
export type Channel = z.infer<typeof Channel>;
export type WordpressChannel = z.infer<typeof WordpressChannel>;
export type BulletinChannel = z.infer<typeof BulletinChannel>;
export type BroadcastChannel = z.infer<typeof BroadcastChannel>;
export type IngestChannel = z.infer<typeof IngestChannel>;
export type FilesChannel = z.infer<typeof FilesChannel>;
