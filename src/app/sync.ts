import { relative, resolve } from 'node:path';
import type { DateTime } from 'luxon';
import { itemIdFromPath } from '../config/parse-item.js';
import { projectDirs } from '../config/project.js';
import type { Project } from '../config/project-types.js';
import { toStored } from '../model/instant.js';
import { type PlanningConfig, type PlanReport, planItems } from '../scheduler/plan/items.js';
import {
  type Actor,
  findItem,
  lastEventReason,
  listItems,
  saveItemVersion,
  setItemStatus,
} from '../store/items.js';
import { LOCKS, lockFor } from '../store/locks.js';
import type { Store } from '../store/types.js';

/** What `loa sync` did. */
export interface SyncReport extends PlanReport {
  added: string[];
  changed: string[];
  withdrawn: string[];
  unchanged: number;
  /** Ids in content/ that a `loa queue add` item already holds. */
  conflicts: string[];
  /**
   * Items withdrawn by a person whose file was then edited: the new version is kept as a
   * draft, never sent on its own; someone approves it again (`loa queue approve`).
   */
  reapproval: string[];
}

const FILE_REMOVED = 'file removed';

/** Ids of content files that exist but did not parse: they are kept, not withdrawn. */
function brokenIds(project: Project): Set<string> {
  const contentDir = projectDirs(project.root).content;
  const ids = new Set<string>();
  for (const d of project.diagnostics) {
    if (d.severity !== 'error') continue;
    const path = relative(contentDir, resolve(d.file));
    if (!path.startsWith('..') && /\.md$/i.test(path)) ids.add(itemIdFromPath(path));
  }
  return ids;
}

/**
 * Brings the queue in line with content/, in one transaction, and plans the result.
 * Idempotent: an unchanged file changes nothing; a changed file makes a new version (its
 * state from its front matter); a removed file withdraws its item. A file that no longer
 * parses keeps its last good version.
 */
export async function syncContent(
  store: Store,
  project: Project,
  config: PlanningConfig,
  now: DateTime,
  actor: string,
  /** Called as items are brought in: items done of the items in content/. */
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  const by: Actor = { actor, at: toStored(now) };
  const contentDir = projectDirs(project.root).content;
  const broken = brokenIds(project);
  return store.transaction(async (tx) => {
    // Several `loa run` processes may sync at once: one after the other, the later ones idle.
    await lockFor(tx, LOCKS.planning);
    const report: SyncReport = {
      added: [],
      changed: [],
      withdrawn: [],
      unchanged: 0,
      conflicts: [],
      reapproval: [],
      scheduled: 0,
      refreshed: 0,
      cancelled: 0,
      followUps: 0,
      unplannable: [],
    };
    const present = new Set<string>();
    for (const located of project.items) {
      const item = located.value;
      present.add(item.id);
      onProgress?.(present.size, project.items.length);
      const before = await findItem(tx, item.id);
      if (before?.source === 'cli') {
        report.conflicts.push(item.id);
        continue;
      }
      // NOTE: a withdrawal by a person outlives an edit of the file: the new version waits
      // as a draft for a new approval instead of going out under the old one.
      const withdrawnByPerson =
        before?.status === 'withdrawn' && (await lastEventReason(tx, item.id)) !== FILE_REMOVED;
      const saved = await saveItemVersion(
        tx,
        {
          item,
          source: 'content',
          path: relative(contentDir, resolve(located.file)),
          status: withdrawnByPerson ? 'draft' : item.status,
        },
        by,
      );
      if (saved && withdrawnByPerson && item.status === 'approved') report.reapproval.push(item.id);
      if (saved) (before ? report.changed : report.added).push(item.id);
      else if (
        before?.status === 'withdrawn' &&
        (await lastEventReason(tx, item.id)) === FILE_REMOVED
      ) {
        // The file came back unchanged: the item returns in the state its front matter says.
        await setItemStatus(tx, before, item.status, by, 'file restored');
        report.changed.push(item.id);
      } else report.unchanged += 1;
    }
    for (const row of await listItems(tx, { source: 'content' })) {
      if (present.has(row.id) || broken.has(row.id) || row.status === 'withdrawn') continue;
      await setItemStatus(tx, row, 'withdrawn', by, FILE_REMOVED);
      report.withdrawn.push(row.id);
    }
    const active = (await listItems(tx)).filter(
      (r) => r.status === 'approved' || r.status === 'scheduled',
    );
    const ids = new Set([...active.map((r) => r.id), ...report.withdrawn, ...report.changed]);
    const planned = await planItems(tx, { ids: [...ids], config, now, by });
    return { ...report, ...planned };
  });
}
