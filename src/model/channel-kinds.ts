import type { Channel } from './channel.js';

/**
 * What a channel kind can do. Code outside a kind's folder asks for a capability, never for a
 * kind by name, so that a new kind is one line here, one entry in src/channels/registry.ts
 * and its folder. (This table sits in the model because validation and the calendar, below
 * the channels, ask it too.)
 */
export interface KindCapabilities {
  /**
   * The planner gives each approved item that names the channel a slot and one publication
   * (a post, a file), which follow-ups (edits, withdrawals) later reach.
   */
  readonly plannedPerItem: boolean;
  /** Reaches a service outside this machine: `loa simulate` writes files instead unless `--live`. */
  readonly remote: boolean;
  /** Signs in with credentials its channel file names (readiness tells which are unset). */
  readonly credentials: boolean;
  /** Its adapter carries an edit of a published item to the copy (`update`). */
  readonly followsEdits: boolean;
  /** Its adapter takes a published copy down (`withdraw`). */
  readonly withdraws: boolean;
  /** Items may be written for it (an ingest channel only reads what others published). */
  readonly takesItems: boolean;
  /** Shows an item's media as images, so `loa validate` checks each as an image. */
  readonly showsImages: boolean;
  /** Can be named as the portal a bulletin's issue or a programme's repost is posted to. */
  readonly portal: boolean;
  /** Publishes numbered issues gathering the items of a period: page, feeds and archive. */
  readonly issues: boolean;
  /** Airs a programme in weekly slots: rundowns, audio, as-run logs. */
  readonly airs: boolean;
  /** Reads articles from outside feeds; they are the evidence of press-coverage tasks. */
  readonly ingests: boolean;
  /**
   * Writes its publications into a folder of the data directory (its `folder`, default
   * `out/<id>`), which `loa validate` holds inside that directory by real path.
   */
  readonly writesFolder: boolean;
}

export type ChannelKind = Channel['kind'];
export type Capability = keyof KindCapabilities;

const NONE: KindCapabilities = {
  plannedPerItem: false,
  remote: false,
  credentials: false,
  followsEdits: false,
  withdraws: false,
  takesItems: false,
  showsImages: false,
  portal: false,
  issues: false,
  airs: false,
  ingests: false,
  writesFolder: false,
} as const;

/** Each kind's capabilities; every kind of the channel schema has its line. */
export const KIND_CAPABILITIES = {
  /** Cổng TTĐT: one post per item in a WordPress portal's section. */
  wordpress: {
    ...NONE,
    plannedPerItem: true,
    remote: true,
    credentials: true,
    followsEdits: true,
    withdraws: true,
    takesItems: true,
    showsImages: true,
    portal: true,
  },
  /** One JSON file per item in a folder of the data directory. */
  files: {
    ...NONE,
    plannedPerItem: true,
    followsEdits: true,
    withdraws: true,
    takesItems: true,
    writesFolder: true,
  },
  /** Bản tin điện tử: an issue on set days, gathering the items approved since the last. */
  bulletin: { ...NONE, takesItems: true, issues: true },
  /** A radio or TV programme: rundowns of its weekly slots, built from the items offered. */
  broadcast: { ...NONE, takesItems: true, airs: true },
  /** Reads the press's feeds for articles about the plan's topics. */
  ingest: { ...NONE, ingests: true },
} as const satisfies Record<ChannelKind, KindCapabilities>;

/** The kinds whose table line has `capability` set. */
type KindsWith<C extends Capability> = {
  [K in ChannelKind]: (typeof KIND_CAPABILITIES)[K][C] extends true ? K : never;
}[ChannelKind];

/** A channel of a kind that has `capability`, with that kind's fields. */
export type ChannelWith<C extends Capability> = Extract<Channel, { kind: KindsWith<C> }>;

/** The kinds that have `capability`, in the table's order. */
export function kindsWith(capability: Capability): ChannelKind[] {
  return (Object.keys(KIND_CAPABILITIES) as ChannelKind[]).filter(
    (kind) => KIND_CAPABILITIES[kind][capability],
  );
}

/** The capabilities of a kind. */
export function capabilitiesOf(kind: ChannelKind): KindCapabilities {
  return KIND_CAPABILITIES[kind];
}

/**
 * Whether a channel (or none) is of a kind with `capability`; narrows it to the channels of
 * those kinds, so that a broadcast's slots or a bulletin's issue days can be read after
 * `hasCapability(channel, 'airs')`.
 */
export function hasCapability<C extends Capability>(
  channel: Channel | undefined,
  capability: C,
): channel is ChannelWith<C> {
  return channel !== undefined && KIND_CAPABILITIES[channel.kind][capability];
}
