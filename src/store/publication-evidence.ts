import { type RawBuilder, sql } from 'kysely';
import { dbOf } from './handle.js';
import type { Approval } from './items.js';
import { chunks, compilable, reusableQuery } from './reusable-query.js';
import type { PublicationRow } from './schema.js';
import type { Db } from './types.js';

/**
 * What the evidence entry of a settled publication is made of: the publication as it is
 * now, and its item version's document and latest approval (undefined: the version is gone).
 */
export interface PublicationForEvidence {
  publication: PublicationRow;
  version?: { document: string; approval?: Approval };
}

/**
 * Publications by key with what their evidence needs, in one query per 32 keys: the
 * publication row, its version's document and that version's latest approval. An approval
 * is `loa queue approve` (or the queue page), or the save of a file whose front matter says
 * `status: approved` (its saver approved it). Moves back to approved by a reschedule or a
 * settlement are not approvals. A key that matches no publication is missing from the map.
 */
export async function publicationsForEvidence(
  on: Db,
  keys: readonly string[],
): Promise<Map<string, PublicationForEvidence>> {
  const db = dbOf(on);
  const found = new Map<string, PublicationForEvidence>();
  const unique = [...new Set(keys)];
  for (const part of chunks(unique)) {
    const { rows } = await forEvidenceQuery(db, String(part.length), ...part);
    for (const row of rows) {
      const { version_document, version_hash, approved_by, approved_at, ...publication } = row;
      const version = publication.item_version;
      found.set(publication.key, {
        publication,
        ...(version_document == null
          ? {}
          : {
              version: {
                document: version_document,
                ...(approved_by == null || approved_at == null || version_hash == null
                  ? {}
                  : {
                      approval: {
                        actor: approved_by,
                        at: approved_at,
                        version,
                        contentHash: version_hash,
                      },
                    }),
              },
            }),
      });
    }
  }
  return found;
}

type ForEvidenceRow = PublicationRow & {
  version_document: string | null;
  version_hash: string | null;
  approved_by: string | null;
  approved_at: string | null;
};

/** The latest approval's `column` of a publication's item version (see above). */
function latestApproval(column: 'actor' | 'at'): RawBuilder<string | null> {
  return sql`(select e.${sql.ref(column)} from item_events e
    where e.item_id = p.item_id and e.version = p.item_version and e.to_status = 'approved'
      and (e.reason like 'approved version %' or e.reason = 'created'
        or e.reason = ('version ' || p.item_version))
    order by e.id desc limit 1)`;
}

/** Publications with their evidence inputs: `shape` is the number of keys. */
const forEvidenceQuery = reusableQuery((db, _shape, ...keys: string[]) =>
  compilable(
    db,
    sql<ForEvidenceRow>`select p.*, v.document as version_document,
        v.content_hash as version_hash,
        ${latestApproval('actor')} as approved_by, ${latestApproval('at')} as approved_at
      from publications p
      left join item_versions v on v.item_id = p.item_id and v.version = p.item_version
      where p.key in (${sql.join(keys)})`,
  ),
);

/**
 * Records, for each publication key, the index of the evidence entry that logged it: one
 * UPDATE per 32 publications.
 */
export async function setPublicationEvidenceIndices(
  on: Db,
  logged: readonly { key: string; index: number }[],
): Promise<void> {
  const db = dbOf(on);
  for (const part of chunks(logged)) {
    await evidenceIndexQuery(db, String(part.length), ...part.flatMap((l) => [l.key, l.index]));
  }
}

/** Evidence indices of publications: `shape` is their number; key and index a row. */
const evidenceIndexQuery = reusableQuery((db, _shape, ...values: unknown[]) => {
  const rows: RawBuilder<unknown>[] = [];
  // NOTE: PostgreSQL types a VALUES list's parameters as text: the index is cast.
  for (let i = 0; i < values.length; i += 2) {
    rows.push(sql`(${values[i]}, cast(${values[i + 1]} as integer))`);
  }
  return compilable(
    db,
    sql`with logged (key, idx) as (values ${sql.join(rows)})
      update publications set evidence_index = logged.idx
      from logged where publications.key = logged.key`,
  );
});
