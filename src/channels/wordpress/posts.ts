import { createHash } from 'node:crypto';
import { slugify } from '../../text/vietnamese.js';
import type { PublishedRef } from '../types.js';
import type { WpRestClient } from './rest-client.js';
import type { WP_REST_API_Post } from './wp-rest-types.js';

/** Every status a post can have; a lookup by slug must see them all. */
const ALL_STATUSES = 'publish,future,draft,pending,private,trash';

type PostRef = Pick<WP_REST_API_Post, 'id' | 'link' | 'date_gmt' | 'status' | 'slug'>;
const POST_FIELDS = 'id,link,date_gmt,status,slug';

/** What a post is made of: the fields loa sets. */
export interface PostFields {
  title: string;
  content: string;
  excerpt: string;
  categories: number[];
  tags: number[];
  featured_media: number;
}

/**
 * The slug of a post made before loa marked its posts (readable part of the publication key,
 * then a hash of it): still looked up, so that those posts are found again too.
 */
export function legacyPostSlug(key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
  const readable = slugify(key, 60);
  return readable ? `loa-${readable}-${hash}` : `loa-${hash}`;
}

/**
 * The public address of a post: its Vietnamese title without diacritics
 * (`Cải cách hành chính` → `cai-cach-hanh-chinh`). WordPress appends `-2` to a slug that is
 * taken; loa never finds its posts by slug but by their marker.
 */
export function postSlug(title: string, marker: string): string {
  return slugify(title, 80) || marker;
}

/**
 * The marker of a publication's identity (the dispatcher's: channel and item, since a
 * channel carries an item once), a word of letters and digits that loa writes into the post
 * as an HTML comment. WordPress does not expose unregistered post meta over REST, but its
 * search reads post content in every status, trash included: the marker finds the post again
 * whatever its slug, title or state, with nothing to install on the portal.
 */
export function postMarker(identity: string): string {
  return `loa${createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 24)}`;
}

/**
 * The post's HTML with its marker, as a comment inside the last element (a comment on its
 * own line would become an empty paragraph), so readers never see it.
 */
export function markContent(html: string, marker: string): string {
  const comment = `<!-- loa:${marker} -->`;
  const close = /<\/[a-z0-9]+>\s*$/i.exec(html);
  if (!close) return html ? `${html}\n${comment}` : comment;
  return `${html.slice(0, close.index)}${comment}${html.slice(close.index)}`;
}

function toRef(post: PostRef): PublishedRef {
  // date_gmt is UTC without an offset: "2024-03-04T01:00:00".
  const gmt = post.date_gmt ? `${post.date_gmt}Z` : new Date(0).toISOString();
  return { externalId: String(post.id), url: post.link, publishedAt: new Date(gmt).toISOString() };
}

/** A post loa made, found again; `trashed` when it is in WordPress's trash (withdrawn). */
export interface FoundPost {
  ref: PublishedRef;
  trashed: boolean;
}

async function postsWhere(
  client: WpRestClient,
  query: Record<string, string>,
  signal: AbortSignal,
): Promise<PostRef[]> {
  return client.call<PostRef[]>(
    {
      method: 'GET',
      route: '/wp/v2/posts',
      query: { ...query, status: ALL_STATUSES, context: 'edit', _fields: POST_FIELDS },
    },
    signal,
  );
}

/**
 * Finds the post of a publication in any status (published, scheduled, draft, pending,
 * private, trash): by its marker, then by the slug older versions of loa gave it (a trashed
 * post's slug gets `__trashed`). A post that is not in the trash wins over one that is.
 */
export async function findPost(
  client: WpRestClient,
  marker: string,
  legacySlug: string,
  signal: AbortSignal,
): Promise<FoundPost | undefined> {
  let posts = await postsWhere(client, { search: marker, orderby: 'id', order: 'asc' }, signal);
  if (posts.length === 0) {
    posts = (
      await postsWhere(client, { slug: `${legacySlug},${legacySlug}__trashed` }, signal)
    ).filter((p) => p.slug === legacySlug || p.slug === `${legacySlug}__trashed`);
  }
  const post = posts.find((p) => p.status !== 'trash') ?? posts[0];
  return post ? { ref: toRef(post), trashed: post.status === 'trash' } : undefined;
}

/** Creates a published post with the given slug. */
export async function createPost(
  client: WpRestClient,
  slug: string,
  fields: PostFields,
  signal: AbortSignal,
): Promise<PublishedRef> {
  const post = await client.call<PostRef>(
    {
      method: 'POST',
      route: '/wp/v2/posts',
      query: { _fields: POST_FIELDS },
      json: { ...fields, slug, status: 'publish' },
    },
    signal,
  );
  return toRef(post);
}

/** Replaces a post's fields with the item's current version; keeps its slug and date. */
export async function updatePost(
  client: WpRestClient,
  id: string,
  fields: PostFields,
  signal: AbortSignal,
): Promise<PublishedRef> {
  const post = await client.call<PostRef>(
    {
      method: 'POST',
      route: `/wp/v2/posts/${encodeURIComponent(id)}`,
      query: { _fields: POST_FIELDS },
      json: { ...fields, status: 'publish' },
    },
    signal,
  );
  return toRef(post);
}

/**
 * Moves a post to the trash. A post that is already in the trash or gone counts as done, so
 * a retried withdrawal succeeds.
 */
export async function trashPost(client: WpRestClient, id: string, signal: AbortSignal) {
  await client.call<unknown>(
    { method: 'DELETE', route: `/wp/v2/posts/${encodeURIComponent(id)}`, query: { _fields: 'id' } },
    signal,
    (answer) =>
      answer.code === 'rest_already_trashed' || answer.code === 'rest_post_invalid_id'
        ? { id }
        : undefined,
  );
}
