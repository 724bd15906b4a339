import { LoaError } from '../../errors/loa-error.js';
import { prepareItemMedia } from '../../media/item-media.js';
import { mediaCacheDir } from '../../media/prepare-image.js';
import type { WordpressChannel } from '../../model/channel.js';
import { addSecret } from '../../text/redact.js';
import type {
  AdapterFactory,
  AdapterOptions,
  AdapterReadiness,
  ChannelAdapter,
  PublicationRequest,
  PublishedRef,
} from '../types.js';
import { uploadImage } from './media-upload.js';
import { composePostContent, type PlacedImage, postExcerpt, wpText } from './post-content.js';
import {
  createPost,
  type FoundPost,
  findPost,
  legacyPostSlug,
  markContent,
  type PostFields,
  postMarker,
  postSlug,
  trashPost,
  updatePost,
} from './posts.js';
import { basicAuthorization, WpRestClient } from './rest-client.js';
import { PortalTerms } from './terms.js';

export { legacyPostSlug, postMarker, postSlug } from './posts.js';

/** Options beyond the common adapter options; for tests and benchmarks. */
export interface WordpressAdapterOptions extends AdapterOptions {
  fetch?: typeof fetch;
}

/** Reads the Application Password credentials the channel file names from the environment. */
export function wordpressReadiness(channel: WordpressChannel, env: NodeJS.ProcessEnv) {
  const { userEnv, passwordEnv } = channel.credentials;
  const missing = [userEnv, passwordEnv].filter((name) => !env[name]?.trim());
  const readiness: AdapterReadiness =
    missing.length === 0 ? { ready: true } : { ready: false, missing };
  return readiness;
}

function wordpressChannel(options: AdapterOptions): WordpressChannel {
  if (options.channel.kind !== 'wordpress') {
    throw new TypeError(`wordpressAdapter given a ${options.channel.kind} channel`);
  }
  return options.channel;
}

/**
 * Cổng TTĐT: publishes items as posts in the channel's section (a category) of a WordPress
 * portal, through its REST API with an Application Password. Idempotent per publication:
 * every post carries a marker of the publication's identity, looked up (in every status,
 * trash included) before anything is created; its slug is the title without diacritics.
 */
export const wordpressAdapter: AdapterFactory = (options) =>
  createWordpressAdapter(options as WordpressAdapterOptions);

/** The adapter with its extra options (an injected fetch). */
export function createWordpressAdapter(options: WordpressAdapterOptions): ChannelAdapter {
  const channel = wordpressChannel(options);
  const cacheDir = mediaCacheDir(options.dataDir);
  let portal: { client: WpRestClient; terms: PortalTerms } | undefined;

  /** The client, made on first use so that a channel without credentials still loads. */
  function connect() {
    const readiness = wordpressReadiness(channel, options.env);
    if (!readiness.ready) {
      throw new LoaError('WP_NOT_CONFIGURED', {
        params: { channel: channel.id, missing: readiness.missing.join(', ') },
        failure: 'auth',
      });
    }
    if (!portal) {
      const { userEnv, passwordEnv } = channel.credentials;
      const user = options.env[userEnv]?.trim() ?? '';
      const password = options.env[passwordEnv]?.trim() ?? '';
      const authorization = basicAuthorization(user, password);
      // Whatever the portal or a proxy echoes back, these never reach a log or a table.
      addSecret(password);
      addSecret(authorization.slice('Basic '.length));
      addSecret(`${user}:${password}`);
      const client = new WpRestClient({
        siteUrl: channel.url,
        authorization,
        channelId: channel.id,
        timeoutSec: channel.timeoutSec,
        fetch: options.fetch,
      });
      portal = { client, terms: new PortalTerms(client, channel.section, options.topicTitles) };
    }
    return portal;
  }

  async function postFields(request: PublicationRequest, signal: AbortSignal): Promise<PostFields> {
    const { client, terms } = connect();
    const { item } = request;
    // Images are checked before anything is sent: a bad image fails this item only.
    const images = await prepareItemMedia(item, request.itemDir, { cacheDir });
    const [category, tags] = await Promise.all([
      terms.category(signal),
      terms.tags(item.topics, signal),
    ]);
    const placed: (PlacedImage & { id: number })[] = [];
    for (const image of images) {
      const title = image.caption ?? item.title;
      const uploaded = await uploadImage(client, image, title, signal);
      placed.push({ ...image, url: uploaded.url, id: uploaded.id });
    }
    return {
      title: wpText(item.title),
      content: markContent(
        composePostContent(item.body, placed),
        postMarker(request.identity ?? request.key),
      ),
      excerpt: postExcerpt(item.summary),
      categories: [category],
      tags,
      featured_media: placed[0]?.id ?? 0,
    };
  }

  function lookUp(key: string, identity: string, signal: AbortSignal) {
    return findPost(connect().client, postMarker(identity), legacyPostSlug(key), signal);
  }

  function asRef(found: FoundPost): PublishedRef {
    return found.trashed ? { ...found.ref, withdrawn: true } : found.ref;
  }

  return {
    kind: 'wordpress',
    readiness: () => wordpressReadiness(channel, options.env),

    async find(key: string, signal: AbortSignal, identity?: string) {
      const found = await lookUp(key, identity ?? key, signal);
      return found && asRef(found);
    },

    async publish(request: PublicationRequest, signal: AbortSignal): Promise<PublishedRef> {
      const { client } = connect();
      const identity = request.identity ?? request.key;
      // The portal is asked first: a post of this publication in any state is adopted.
      const existing = await lookUp(request.key, identity, signal);
      if (existing && !(existing.trashed && request.republish)) {
        return { ...asRef(existing), existing: true };
      }
      const fields = await postFields(request, signal);
      return createPost(client, postSlug(request.item.title, postMarker(identity)), fields, signal);
    },

    async update(ref: PublishedRef, request: PublicationRequest, signal: AbortSignal) {
      const fields = await postFields(request, signal);
      return updatePost(connect().client, ref.externalId, fields, signal);
    },

    async withdraw(ref: PublishedRef, signal: AbortSignal): Promise<void> {
      await trashPost(connect().client, ref.externalId, signal);
    },
  };
}
