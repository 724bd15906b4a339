import { message } from '../i18n/catalogue.js';
import type { EvidenceInput } from './log.js';

/**
 * Who approved the item version a publication entry records, in words, with the first 12
 * digits of the approved content hash; empty for an entry without an approval.
 */
export function approvedWords(
  e: Pick<EvidenceInput, 'approvedBy' | 'approvedVersion' | 'approvedHash'>,
): string {
  if (e.approvedBy === undefined) return '';
  return message('EVIDENCE_APPROVED', {
    by: e.approvedBy,
    version: e.approvedVersion ?? '?',
    hash: (e.approvedHash ?? '').slice(0, 12),
  });
}
