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
 * The post slug of a publication key: readable part of the key, then a hash of the whole key,
 * so that two keys never share a slug and the same key always gives the same slug. WordPress
 * would silently rename a second `x` to `x-2`, so this slug is how a post is found again.
 */
export function postSlug(key: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
  const readable = slugify(key, 60);
  return readable ? `loa-${readable}-${hash}` : `loa-${hash}`;
}

function toRef(post: PostRef): PublishedRef {
  // date_gmt is UTC without an offset: "2024-03-04T01:00:00".
  const gmt = post.date_gmt ? `${post.date_gmt}Z` : new Date(0).toISOString();
  return { externalId: String(post.id), url: post.link, publishedAt: new Date(gmt).toISOString() };
}

/**
 * Finds the post a publication key made, in any status but the trash (WordPress renames a
 * trashed post's slug to `x__trashed`, and a withdrawn publication is not a publication).
 */
export async function findPostBySlug(
  client: WpRestClient,
  slug: string,
  signal: AbortSignal,
): Promise<PublishedRef | undefined> {
  const found = await client.call<PostRef[]>(
    {
      method: 'GET',
      route: '/wp/v2/posts',
      query: { slug, status: ALL_STATUSES, context: 'edit', _fields: POST_FIELDS },
    },
    signal,
  );
  const post = found.find((p) => p.slug === slug && p.status !== 'trash');
  return post ? toRef(post) : undefined;
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
