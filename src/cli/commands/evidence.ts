import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { actorName } from '../../app/who-and-when.js';
import { findPlan, loadValidProject } from '../../config/project.js';
import { LoaError } from '../../errors/loa-error.js';
import { approvedWords } from '../../evidence/approved-words.js';
import { exportBundle } from '../../evidence/bundle.js';
import { verifyCheckpoint } from '../../evidence/checkpoint.js';
import { CompactRange } from '../../evidence/compact-range.js';
import { witnessKeys } from '../../evidence/cosignatures.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../evidence/log.js';
import { type EvidenceQuery, listEvidence } from '../../evidence/log-filter.js';
import { consistencyProofOf, inclusionProofs } from '../../evidence/log-proofs.js';
import { type VerifyProblem, verifyLog } from '../../evidence/log-verify.js';
import { addManualEvidence } from '../../evidence/manual.js';
import type { NoteVerifier } from '../../evidence/signed-note.js';
import { createCheckpoint, evidenceKey } from '../../evidence/store-checkpoint.js';
import { type MessageCode, message } from '../../i18n/catalogue.js';
import { type Clock, systemClock } from '../../model/clock.js';
import { dataDirFrom, withStore } from '../../store/open-store.js';
import { type Output, printJson } from '../output.js';
import { type ProgressStream, progressBar } from '../progress.js';

export interface EvidenceOptions {
  dir?: string;
  kind?: string;
  channel?: string;
  item?: string;
  limit?: string;
  as?: string;
  json?: boolean;
  out?: string;
  index?: string;
  size?: string;
  from?: string;
  to?: string;
  plan?: string;
  task?: string;
  date?: string;
  file?: string[];
  note?: string;
  checkpoint?: string;
}

function count(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    const expected = message('EVIDENCE_PROOF_USAGE');
    throw new LoaError('OPTION_INVALID', { params: { option, value, expected } });
  }
  return Number(value);
}

/**
 * `loa evidence list [--kind k] [--plan p] [--task t] [--channel c] [--item i] [--from d]
 * [--to d] [--json]`: the log's entries, one line each, days read in the project's zone.
 */
export async function runEvidenceList(options: EvidenceOptions, output: Output) {
  const project = await loadValidProject(options.dir ?? '.');
  const zone = project.plans[0]?.value.timeZone ?? 'Asia/Ho_Chi_Minh';
  if (options.kind !== undefined && !(EVIDENCE_KINDS as readonly string[]).includes(options.kind)) {
    throw new LoaError('EVIDENCE_KIND_UNKNOWN', {
      params: { kind: options.kind, known: EVIDENCE_KINDS.join(', ') },
    });
  }
  const day = (option: string, value: string, plus = 0) => {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? DateTime.fromISO(value, { zone })
      : undefined;
    if (!parsed?.isValid) {
      throw new LoaError('WHEN_INVALID', { params: { value: `${option} ${value}` } });
    }
    return parsed.plus({ days: plus }).toUTC().toISO() as string;
  };
  const positive = (option: string, value: string) => {
    if (!/^[1-9]\d*$/.test(value)) {
      const expected = message('EXPECTED_POSITIVE_COUNT');
      throw new LoaError('OPTION_INVALID', { params: { option, value, expected } });
    }
    return Number(value);
  };
  const query: EvidenceQuery = {
    ...(options.kind ? { kind: options.kind as EvidenceKind } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.plan ? { plan: options.plan } : {}),
    ...(options.task ? { task: options.task } : {}),
    ...(options.item ? { item: options.item } : {}),
    ...(options.from ? { from: day('--from', options.from) } : {}),
    ...(options.to ? { to: day('--to', options.to, 1) } : {}),
    ...(options.limit !== undefined ? { limit: positive('--limit', options.limit) } : {}),
  };
  const entries = await withStore((store) => listEvidence(store, query));
  if (options.json) {
    printJson(output, entries);
    return 0;
  }
  for (const e of entries) {
    const corrects =
      e.corrects === undefined
        ? ''
        : message(e.void ? 'EVIDENCE_LIST_VOIDS' : 'EVIDENCE_LIST_CORRECTS', { index: e.corrects });
    output.out(
      message('EVIDENCE_LIST_LINE', {
        index: e.index,
        when: DateTime.fromISO(e.time, { zone }).toFormat('yyyy-MM-dd HH:mm'),
        kind: e.kind,
        task: [e.plan, e.task].filter(Boolean).join('/') || '-',
        channel: e.channel ?? '-',
        what: e.url ?? e.item ?? e.note ?? '',
        corrects: [approvedWords(e), corrects].filter(Boolean).join(' '),
      }).trimEnd(),
    );
  }
  output.err(message('EVIDENCE_LIST_COUNT', { count: entries.length, zone }));
  return 0;
}

/** `loa evidence checkpoint [--out f]`: signs and stores the log's head, prints the note. */
export async function runEvidenceCheckpoint(
  options: EvidenceOptions,
  output: Output,
  clock: Clock = systemClock,
) {
  const key = await evidenceKey(dataDirFrom());
  const cp = await withStore((store) => createCheckpoint(store, key, clock.now()));
  if (options.out) await writeFile(options.out, cp.note);
  output.out(cp.note.trimEnd());
  return 0;
}

/** `loa evidence key`: the public key as PEM and as a signed-note verifier string. */
export async function runEvidenceKey(_options: EvidenceOptions, output: Output) {
  const key = await evidenceKey(dataDirFrom());
  output.out(key.publicKeyPem.trimEnd());
  output.out(key.verifierKey);
  return 0;
}

/** `loa evidence proof --index N [--size S]` or `--from S1 --to S2`: JSON with hex hashes. */
export async function runEvidenceProof(options: EvidenceOptions, output: Output) {
  const index = count('--index', options.index);
  const size = count('--size', options.size);
  const from = count('--from', options.from);
  const to = count('--to', options.to);
  const proof = await withStore(async (store) => {
    if (index !== undefined) return (await inclusionProofs(store, [index], size))[0];
    if (from !== undefined) return consistencyProofOf(store, from, to);
    throw new LoaError('EVIDENCE_PROOF_USAGE');
  });
  printJson(output, proof);
  return 0;
}

/** `loa evidence add --plan --task --date [--file]… [--note]`: manual evidence. */
export async function runEvidenceAdd(options: EvidenceOptions, output: Output) {
  const project = await loadValidProject(options.dir ?? '.');
  const plan = findPlan(project, options.plan ?? '');
  const added = await withStore((store) =>
    addManualEvidence(store, {
      plan,
      task: options.task ?? '',
      date: options.date ?? '',
      files: options.file ?? [],
      note: options.note,
      actor: actorName(options.as),
      dataDir: dataDirFrom(),
    }),
  );
  if (options.json) printJson(output, added);
  else {
    output.out(
      message('EVIDENCE_ADDED', {
        index: added.index,
        task: options.task ?? '',
        time: options.date ?? '',
        files: added.files.length,
      }),
    );
  }
  return 0;
}

const PROBLEM_CODES: Record<VerifyProblem['code'], MessageCode> = {
  'bytes-changed': 'EVIDENCE_PROBLEM_BYTES_CHANGED',
  moved: 'EVIDENCE_PROBLEM_MOVED',
  missing: 'EVIDENCE_PROBLEM_MISSING',
  inserted: 'EVIDENCE_PROBLEM_INSERTED',
  column: 'EVIDENCE_PROBLEM_COLUMN',
  'file-missing': 'EVIDENCE_PROBLEM_FILE_MISSING',
  'file-changed': 'EVIDENCE_PROBLEM_FILE_CHANGED',
  head: 'EVIDENCE_PROBLEM_HEAD',
  truncated: 'EVIDENCE_PROBLEM_TRUNCATED',
  root: 'EVIDENCE_PROBLEM_ROOT',
  signature: 'EVIDENCE_PROBLEM_SIGNATURE',
  rewritten: 'EVIDENCE_PROBLEM_REWRITTEN',
};

/**
 * What `--checkpoint` names: a checkpoint file, or the folder of an earlier bundle, whose
 * `checkpoint.txt` is read with its `leaves.txt` (every leaf it covers, checked here against
 * its root), so that a rewrite is named at its first differing entry.
 */
async function readGiven(
  path: string,
  verifier: NoteVerifier,
): Promise<{ given?: string; givenLeaves?: Uint8Array }> {
  if (!(await stat(path)).isDirectory()) return { given: await readFile(path, 'utf8') };
  const given = await readFile(join(path, 'checkpoint.txt'), 'utf8');
  const lines = (await readFile(join(path, 'leaves.txt'), 'utf8')).split('\n').filter(Boolean);
  const bad = (reason: string) =>
    new LoaError('EVIDENCE_CHECKPOINT_MALFORMED', { params: { reason } });
  if (!lines.every((l) => /^[0-9a-f]{64}$/.test(l))) throw bad('leaves.txt: not one hash a line');
  const givenLeaves = new Uint8Array(Buffer.from(lines.join(''), 'hex'));
  let body: ReturnType<typeof verifyCheckpoint>;
  try {
    body = verifyCheckpoint(given, verifier);
  } catch {
    // NOTE: a checkpoint the key no longer opens is itself a finding: verifyLog names it.
    return { given };
  }
  const range = new CompactRange();
  for (let at = 0; at < body.size * 32 && at < givenLeaves.length; at += 32) {
    range.append(givenLeaves.subarray(at, at + 32));
  }
  if (range.size !== body.size || !Buffer.from(range.root()).equals(body.rootHash)) {
    throw bad(`leaves.txt does not give the root of checkpoint.txt (${body.size} entries)`);
  }
  return { given, givenLeaves: givenLeaves.subarray(0, body.size * 32) };
}

/** `loa evidence verify [--checkpoint f]`: the whole log against its head and checkpoints. */
export async function runEvidenceVerify(
  options: EvidenceOptions,
  output: Output,
  tty: ProgressStream | undefined = process.stderr,
) {
  const key = await evidenceKey(dataDirFrom());
  const { given, givenLeaves } = options.checkpoint
    ? await readGiven(options.checkpoint, key.verifier)
    : {};
  const bar = progressBar(message('PROGRESS_VERIFY'), tty);
  const report = await withStore((store) =>
    verifyLog(store, {
      verifier: key.verifier,
      given,
      ...(givenLeaves ? { givenLeaves } : {}),
      witnesses: witnessKeys(),
      dataDir: dataDirFrom(),
      onProgress: bar.update,
    }),
  ).finally(bar.end);
  if (!options.json) {
    if (report.witnessed.length === 0) output.out(message('EVIDENCE_NOT_WITNESSED'));
    for (const w of report.witnessed) output.out(message('EVIDENCE_WITNESSED', w));
  }
  if (options.json) printJson(output, report);
  else if (report.problems.length === 0) {
    output.out(
      message('EVIDENCE_VERIFY_OK', {
        size: report.size,
        root: report.rootHashHex,
        checkpoints: report.checkpoints + (given ? 1 : 0),
      }),
    );
  } else {
    output.err(message('EVIDENCE_VERIFY_FAILED', { count: report.problems.length }));
    for (const p of report.problems) {
      output.err(`  ${message(PROBLEM_CODES[p.code], { ...p, checkpoint: p.checkpoint })}`);
    }
  }
  return report.problems.length === 0 ? 0 : 1;
}

/** `loa evidence export --from d --to d --out f.zip`: the auditor bundle of those days. */
export async function runEvidenceExport(
  options: EvidenceOptions,
  output: Output,
  clock: Clock = systemClock,
  tty: ProgressStream | undefined = process.stderr,
) {
  const project = await loadValidProject(options.dir ?? '.');
  const zone = project.plans[0]?.value.timeZone ?? 'Asia/Ho_Chi_Minh';
  const day = (option: string, value: string | undefined) => {
    const parsed = DateTime.fromISO(value ?? '', { zone });
    if (!value || !parsed.isValid) {
      throw new LoaError('WHEN_INVALID', { params: { value: `${option} ${value ?? ''}` } });
    }
    return parsed.startOf('day');
  };
  const start = day('--from', options.from);
  const end = day('--to', options.to).plus({ days: 1 });
  const label = `${start.toISODate()} – ${end.minus({ days: 1 }).toISODate()}`;
  const key = await evidenceKey(dataDirFrom());
  const now = clock.now();
  const bar = progressBar(message('PROGRESS_EXPORT'), tty);
  const result = await withStore((store) =>
    exportBundle(store, {
      onProgress: bar.update,
      from: start.toUTC().toISO() as string,
      to: end.toUTC().toISO() as string,
      out: options.out ?? 'evidence.zip',
      key,
      dataDir: dataDirFrom(),
      now,
      plans: project.plans.map((p) => p.value),
      channels: project.channels.map((c) => c.value),
      label,
      checkpoint: 'store',
    }),
  ).finally(bar.end);
  output.out(message('EVIDENCE_EXPORTED', { entries: result.entries, path: result.path }));
  return 0;
}

export function registerEvidence(
  program: Command,
  output: Output,
  setExit: (code: number) => void,
) {
  const evidence = program
    .command('evidence')
    .description('Nhật ký minh chứng / the evidence log')
    .option('--dir <dir>', 'thư mục dự án / project folder', '.')
    .option('--as <name>', 'người thực hiện / who acts');
  const common = (cmd: Command): EvidenceOptions => ({ ...evidence.opts(), ...cmd.opts() });
  const run = (fn: (o: EvidenceOptions, out: Output) => Promise<number>) => {
    return async (_opts: unknown, cmd: Command) => setExit(await fn(common(cmd), output));
  };
  evidence
    .command('checkpoint')
    .description('Ký mốc kiểm chứng / sign a checkpoint')
    .option('--out <file>', 'ghi ra tệp / write to a file')
    .action(run(runEvidenceCheckpoint));
  evidence.command('key').description('Khoá công khai / public key').action(run(runEvidenceKey));
  evidence
    .command('list')
    .description('Liệt kê minh chứng / list the entries')
    .option('--kind <kind>', 'loại / kind')
    .option('--plan <id>', 'kế hoạch / plan')
    .option('--task <id>', 'nhiệm vụ / task')
    .option('--channel <id>', 'kênh / channel')
    .option('--item <id>', 'tin / item')
    .option('--from <date>', 'từ ngày / first day')
    .option('--to <date>', 'đến ngày / last day')
    .option('--limit <n>', 'chỉ n mục mới nhất / only the latest n entries')
    .option('--json', 'JSON')
    .action(run(runEvidenceList));
  evidence
    .command('proof')
    .description('Chứng minh Merkle / Merkle proofs')
    .option('--index <n>', 'mục / entry index')
    .option('--size <n>', 'kích thước cây / tree size')
    .option('--from <n>', 'kích thước trước / earlier size')
    .option('--to <n>', 'kích thước sau / later size')
    .action(run(runEvidenceProof));
  evidence
    .command('add')
    .description('Thêm minh chứng thủ công / add manual evidence')
    .requiredOption('--plan <id>', 'kế hoạch / plan')
    .requiredOption('--task <id>', 'nhiệm vụ / task')
    .requiredOption('--date <date>', 'ngày / date YYYY-MM-DD')
    .option('--file <path>', 'tệp đính kèm / attached file', (v, all: string[] = []) => [...all, v])
    .option('--note <text>', 'ghi chú / note')
    .option('--json', 'JSON')
    .action(run(runEvidenceAdd));
  evidence
    .command('verify')
    .description('Kiểm tra toàn vẹn / verify the log')
    .option(
      '--checkpoint <file>',
      'mốc đã phát hành, hoặc thư mục bộ tài liệu cũ / a checkpoint handed out earlier, or an earlier bundle folder',
    )
    .option('--json', 'JSON')
    .action(run(runEvidenceVerify));
  evidence
    .command('export')
    .description('Xuất bộ tài liệu kiểm chứng / export an auditor bundle')
    .requiredOption('--from <date>', 'ngày đầu / first day')
    .requiredOption('--to <date>', 'ngày cuối / last day')
    .option('--out <file>', 'tệp zip / zip file', 'evidence.zip')
    .action(run(runEvidenceExport));
}
