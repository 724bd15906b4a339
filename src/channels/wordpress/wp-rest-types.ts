/**
 * The parts of WordPress REST API answers (wp/v2) that loa reads, as the API documents them.
 *
 * NOTE: the `wp-types` package describes these, but it ships its types as a `.ts` source file
 * with `export const enum`s in a CommonJS package, which this project's `verbatimModuleSyntax`
 * refuses to compile (TS1287; skipLibCheck does not cover `.ts` files). The few fields loa
 * needs are declared here instead, with wp-types' names.
 */

/** A post status; `trash` only for users who may edit posts. */
export type WP_Post_Status = 'publish' | 'future' | 'draft' | 'pending' | 'private' | 'trash';

/** `GET/POST /wp/v2/posts[/<id>]` (fields asked for with `_fields`). */
export interface WP_REST_API_Post {
  id: number;
  /** UTC, without offset: `2024-03-04T01:00:00`. */
  date_gmt: string | null;
  slug: string;
  status: WP_Post_Status;
  link: string;
}

/** `GET/POST /wp/v2/categories` and `/wp/v2/tags`. */
export interface WP_REST_API_Term {
  id: number;
  name: string;
  slug: string;
}

/** `GET/POST /wp/v2/media`. */
export interface WP_REST_API_Attachment {
  id: number;
  slug: string;
  source_url: string;
  alt_text: string;
}
