import { relative, resolve } from 'node:path';
import { type AdapterMode, adapterFactoryFor } from '../channels/registry.js';
import type { ChannelAdapter } from '../channels/types.js';
import { loadProject, projectDirs } from '../config/project.js';
import type { Project } from '../config/project-types.js';
import { LoaError } from '../errors/loa-error.js';
import { evidenceKey, freshCheckpoint } from '../evidence/store-checkpoint.js';
import type { Channel } from '../model/channel.js';
import type { Clock } from '../model/clock.js';
import type { FollowUpHook, OutcomeHook } from '../scheduler/dispatch/types.js';
import { issueTopicsOf } from '../scheduler/plan/bulletins.js';
import type { PlanningConfig } from '../scheduler/plan/items.js';
import { channelZone } from '../scheduler/plan/planner.js';
import { planningConfig } from '../scheduler/plan/planning-config.js';
import { dataDirFrom, openStore, storeOptionsFrom } from '../store/open-store.js';
import type { Store } from '../store/types.js';
import { evidenceOnFollowUp, evidenceOnOutcome } from './log-outcome.js';

/** A loaded project with its store open: what every scheduling command works on. */
export interface Session {
  project: Project;
  config: PlanningConfig;
  store: Store;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** The dispatcher's outcome hook: appends a publication's evidence in its transaction. */
  onOutcome: OutcomeHook;
  /** The follow-up hook: appends the correction of an updated or withdrawn publication. */
  onFollowUp: FollowUpHook;
}

/**
 * Loads the project and opens the store. Errors in plans or channels stop here; errors in
 * content files do not (those items keep their last good version).
 */
export async function openSession(
  dir = '.',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Session> {
  const project = await loadProject({ root: dir, env });
  const content = projectDirs(project.root).content;
  const configErrors = project.diagnostics.filter(
    (d) => d.severity === 'error' && relative(content, resolve(d.file)).startsWith('..'),
  );
  if (configErrors.length > 0) {
    throw new LoaError('CONFIG_INVALID', { params: { count: configErrors.length } });
  }
  const store = await openStore(storeOptionsFrom(env));
  const config = planningConfig(project);
  const onOutcome = evidenceOnOutcome(config.channels, 'dispatcher', issueTopicsOf(config));
  const onFollowUp = evidenceOnFollowUp(config.channels);
  return { project, config, store, dataDir: dataDirFrom(env), env, onOutcome, onFollowUp };
}

/** The adapters of a session's channels for a mode; channels with none are left out. */
export function buildAdapters(
  channels: Iterable<Channel>,
  mode: AdapterMode,
  session: Pick<Session, 'env' | 'dataDir'> & Partial<Pick<Session, 'store' | 'config'>>,
  clock: Clock,
): Map<string, ChannelAdapter> {
  const adapters = new Map<string, ChannelAdapter>();
  for (const channel of channels) {
    const factory = adapterFactoryFor(channel.kind, mode);
    if (factory) {
      const { env, dataDir, store, config } = session;
      const zone = config ? channelZone(channel, config.planZones) : undefined;
      const topicTitles = config ? channelTopicTitles(channel, config) : undefined;
      adapters.set(
        channel.id,
        factory({
          channel,
          env,
          dataDir,
          clock,
          ...(store ? { store } : {}),
          ...(zone ? { zone } : {}),
          ...(topicTitles?.size ? { topicTitles } : {}),
          // A published bulletin issue carries the log's checkpoint at its time (stored).
          ...(store
            ? {
                checkpoint: async () =>
                  freshCheckpoint(store, await evidenceKey(dataDir, env), clock.now(), {
                    store: true,
                  }),
              }
            : {}),
        }),
      );
    }
  }
  return adapters;
}

/** The titles of the topics of the plans a channel serves, by topic id (first plan wins). */
function channelTopicTitles(channel: Channel, config: PlanningConfig): Map<string, string> {
  const titles = new Map<string, string>();
  for (const serve of channel.serves) {
    for (const [id, title] of config.planTopics?.get(serve.plan) ?? []) {
      if (!titles.has(id)) titles.set(id, title);
    }
  }
  return titles;
}
