import { slugify } from '../../text/vietnamese.js';
import { wpText } from './post-content.js';
import type { WpErrorAnswer, WpRestClient } from './rest-client.js';
import type { WP_REST_API_Term } from './wp-rest-types.js';

type Taxonomy = 'categories' | 'tags';

/** `term_exists` answers carry the id of the term that is already there. */
function existingTermId(answer: WpErrorAnswer): number | undefined {
  const id = answer.data?.term_id;
  return answer.code === 'term_exists' && typeof id === 'number' ? id : undefined;
}

async function ensureTerm(
  client: WpRestClient,
  taxonomy: Taxonomy,
  name: string,
  slug: string,
  slugGiven: boolean,
  signal: AbortSignal,
): Promise<number> {
  const found = await client.call<Pick<WP_REST_API_Term, 'id'>[]>(
    {
      method: 'GET',
      route: `/wp/v2/${taxonomy}`,
      query: { slug, _fields: 'id', hide_empty: 'false' },
    },
    signal,
  );
  if (found[0]) return found[0].id;
  // NOTE: without a slug, WordPress answers `term_exists` (with its id) when a term of the
  // same name is there under another slug: that term is the section, so it is used. A slug
  // the channel file names explicitly is honoured, and WordPress then makes a new term.
  const created = await client.call<Pick<WP_REST_API_Term, 'id'>>(
    {
      method: 'POST',
      route: `/wp/v2/${taxonomy}`,
      json: slugGiven ? { name: wpText(name), slug } : { name: wpText(name) },
    },
    signal,
    (answer) => {
      const id = existingTermId(answer);
      return id === undefined ? undefined : { id };
    },
  );
  return created.id;
}

/**
 * The categories and tags of one portal, created on first use and remembered for the
 * adapter's lifetime. Concurrent callers share one lookup per term.
 */
export class PortalTerms {
  readonly #client: WpRestClient;
  readonly #section: { name: string; slug: string; slugGiven: boolean };
  #category: Promise<number> | undefined;
  readonly #tags = new Map<string, Promise<number>>();

  readonly #topicTitles: ReadonlyMap<string, string>;

  constructor(
    client: WpRestClient,
    section: { name: string; slug?: string | undefined },
    topicTitles: ReadonlyMap<string, string> = new Map(),
  ) {
    this.#client = client;
    this.#topicTitles = topicTitles;
    const name = section.name.normalize('NFC');
    this.#section = {
      name,
      slug: section.slug ?? slugify(name),
      slugGiven: section.slug !== undefined,
    };
  }

  /** The id of the channel's section category (chuyên mục), creating it if missing. */
  category(signal: AbortSignal): Promise<number> {
    if (!this.#category) {
      const pending = ensureTerm(
        this.#client,
        'categories',
        this.#section.name,
        this.#section.slug,
        this.#section.slugGiven,
        signal,
      );
      this.#category = pending;
      // A failed lookup is not remembered: the next publication tries again.
      pending.catch(() => {
        if (this.#category === pending) this.#category = undefined;
      });
    }
    return this.#category;
  }

  /**
   * The ids of the tags for an item's topics, creating missing ones: named by the plan's
   * Vietnamese topic title (the id when the plan has none), with the topic id as slug.
   */
  tags(topics: readonly string[], signal: AbortSignal): Promise<number[]> {
    return Promise.all(
      [...new Set(topics)].map((topic) => {
        let pending = this.#tags.get(topic);
        if (!pending) {
          const slug = slugify(topic) || topic;
          const name = this.#topicTitles.get(topic) ?? topic;
          pending = ensureTerm(this.#client, 'tags', name, slug, true, signal);
          this.#tags.set(topic, pending);
          const mine = pending;
          mine.catch(() => {
            if (this.#tags.get(topic) === mine) this.#tags.delete(topic);
          });
        }
        return pending;
      }),
    );
  }
}
