import { createHash } from 'node:crypto';
import type { EvidenceInput } from './log.js';

/** Tin, bài báo chí: an article a press channel read from a partner's feed. */
export interface PressArticle {
  /** The ingest channel that read it. */
  channel: string;
  /** The channel's unit (the newspaper, the magazine). */
  unit: string;
  /** The entry's guid (RSS) or id (Atom), else its link: what identifies it across reads. */
  key: string;
  title: string;
  link?: string;
  /** When the source says it was published, UTC ISO 8601. */
  publishedAt?: string;
  /** When loa read it, UTC ISO 8601. */
  ingestedAt: string;
}

/** A plan task an ingest channel serves (its `serves`). */
export interface ServedTask {
  plan: string;
  task: string;
}

/**
 * An ingest entry: a `manual` entry (what a `manual: press` task counts) with where it came
 * from. `timeSource` says whether `time` is the article's publication (`published`) or, when
 * the feed gave no date, the moment loa read it (`ingested`).
 */
export type PressEvidence = EvidenceInput & { timeSource: 'published' | 'ingested' };

/**
 * SHA-256 (hex) of the article's title, link and publication date, one per line (NFC, empty
 * when absent): the same article read again, or from another feed, has the same hash.
 */
export function pressContentHash(article: Pick<PressArticle, 'title' | 'link' | 'publishedAt'>) {
  const text = [article.title, article.link ?? '', article.publishedAt ?? ''].join('\n');
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}

/**
 * The evidence of one article: one entry per plan task the channel serves, each attributed to
 * that task, with the channel (kind `ingest`) and its unit, the article's publication instant,
 * link, guid, title and content hash. Pure.
 */
export function pressEvidence(
  article: PressArticle,
  served: readonly ServedTask[],
  actor = 'ingest',
): PressEvidence[] {
  const timeSource = article.publishedAt ? 'published' : 'ingested';
  const common: Omit<PressEvidence, 'plan' | 'task'> = {
    kind: 'manual',
    unit: article.unit,
    channel: article.channel,
    channelKind: 'ingest',
    time: article.publishedAt ?? article.ingestedAt,
    timeSource,
    externalId: article.key,
    note: article.title.normalize('NFC'),
    contentHash: pressContentHash(article),
    actor,
  };
  if (article.link) common.url = article.link;
  return served.map(({ plan, task }) => ({ ...common, plan, task }));
}

/** The plan tasks of a channel's `serves`, one per task. */
export function servedTasks(serves: readonly { plan: string; tasks: readonly string[] }[]) {
  return serves.flatMap(({ plan, tasks }) => tasks.map((task): ServedTask => ({ plan, task })));
}
