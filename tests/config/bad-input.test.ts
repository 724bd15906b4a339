import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type MessageCode, message } from '../../src/i18n/catalogue.js';
import { captureOutput } from '../support/capture-output.js';
import { tempDir } from '../support/temp-dir.js';

const CORPUS = join(import.meta.dirname, '../fixtures/bad-input');

/** One hostile case: a folder of the corpus laid over `base/`, a command, what it must say. */
interface Case {
  name: string;
  /** The command after `loa` (default `validate`); `{root}` is the project folder. */
  argv?: string[];
  exit: number;
  /** The catalogue code whose message must be printed (its text before any `{…}`). */
  code?: MessageCode;
  /** Where: `file:line` (relative to the project) that must be printed. */
  at?: string;
  /** Files the case needs that cannot be committed (links, images, large files). */
  setup?: (root: string) => Promise<void> | void;
  /** The setup lays out a data folder (links in it): it must be left exactly as it was. */
  data?: true;
}

const validate = (exit: number, code?: MessageCode, at?: string): Omit<Case, 'name'> => ({
  exit,
  ...(code ? { code } : {}),
  ...(at ? { at } : {}),
});

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

const CASES: Case[] = [
  { name: 'c01-alias-bomb', ...validate(1, 'YAML_ALIAS_LIMIT', 'content/bom.md:7') },
  { name: 'c02-deep-nesting', ...validate(1, 'YAML_DEPTH_LIMIT', 'content/sau.md:6') },
  { name: 'c03-offset-plus-25', ...validate(1, 'BAD_OFFSET', 'content/lech.md:6') },
  { name: 'c04-offset-minus-1430', ...validate(1, 'BAD_OFFSET', 'content/lech.md:6') },
  { name: 'c05-offset-minutes-60', ...validate(1, 'BAD_OFFSET', 'content/lech.md:6') },
  { name: 'c06-bad-datetime', ...validate(1, 'BAD_DATETIME', 'content/ngay.md:6') },
  { name: 'c07-tcvn3-bytes', ...validate(1, 'TEXT_LEGACY_ENCODING', 'content/tcvn3.md:2') },
  { name: 'c08-vni-bytes', ...validate(1, 'TEXT_LEGACY_ENCODING', 'content/vni.md:2') },
  { name: 'c09-invalid-utf8', ...validate(1, 'FILE_NOT_UTF8', 'content/utf8.md:2') },
  { name: 'c10-no-front-matter', ...validate(1, 'FRONT_MATTER_MISSING', 'content/khong.md:1') },
  { name: 'c11-yaml-syntax', ...validate(1, 'YAML_SYNTAX', 'content/cu-phap.md:6') },
  { name: 'c12-duplicate-key', ...validate(1, 'YAML_SYNTAX', 'content/trung.md:6') },
  { name: 'c13-unknown-channel', ...validate(1, 'UNKNOWN_CHANNEL', 'content/kenh.md:3') },
  { name: 'c14-unknown-field', ...validate(1, 'FIELD_UNKNOWN', 'content/truong.md:6') },
  { name: 'c15-priority-huge', ...validate(1, 'FIELD_TOO_BIG', 'content/uu-tien.md:6') },
  { name: 'c16-title-array', ...validate(1, 'FIELD_TYPE', 'content/mang.md:2') },
  {
    name: 'c17-media-symlink-outside',
    ...validate(1, 'MEDIA_OUTSIDE_ITEM', 'content/lien-ket/tin.md:7'),
    setup: async (root) => {
      writeFileSync(join(root, 'bi-mat.jpg'), await png(20, 20));
      symlinkSync(join(root, 'bi-mat.jpg'), join(root, 'content/lien-ket/anh.jpg'));
    },
  },
  { name: 'c18-media-traversal', ...validate(1, 'MEDIA_OUTSIDE_ITEM', 'content/duong-dan.md:7') },
  { name: 'c19-media-absolute', ...validate(1, 'MEDIA_OUTSIDE_ITEM', 'content/tuyet-doi.md:7') },
  { name: 'c20-media-svg', ...validate(1, 'MEDIA_NOT_IMAGE', 'content/svg/tin.md:7') },
  { name: 'c21-media-zero-bytes', ...validate(1, 'MEDIA_NOT_IMAGE', 'content/rong/tin.md:7') },
  { name: 'c22-media-renamed-text', ...validate(1, 'MEDIA_NOT_IMAGE', 'content/doi-ten/tin.md:7') },
  {
    name: 'c23-media-pixel-bomb',
    ...validate(1, 'MEDIA_TOO_MANY_PIXELS', 'content/bom-anh/tin.md:7'),
    setup: async (root) =>
      writeFileSync(join(root, 'content/bom-anh/anh.png'), await png(9000, 5000)),
  },
  { name: 'c24-media-missing', ...validate(1, 'UNKNOWN_MEDIA', 'content/thieu.md:7') },
  {
    name: 'c25-media-dotdot-name-accepted',
    ...validate(0),
    setup: async (root) => writeFileSync(join(root, 'content/cham/..anh.png'), await png(40, 30)),
  },
  {
    name: 'c26-huge-file',
    ...validate(1, 'FILE_TOO_LARGE', 'content/lon.md:1'),
    setup: (root) =>
      writeFileSync(
        join(root, 'content/lon.md'),
        `---\ntitle: x\n---\n${'Cải cách hành chính. '.repeat(60_000)}`,
      ),
  },
  { name: 'c27-publish-at-and-slot', ...validate(1, 'PUBLISH_AT_AND_SLOT', 'content/ca-hai.md:2') },
  { name: 'c28-empty-item', ...validate(1, 'FILE_EMPTY', 'content/rong.md:1') },
  { name: 'c29-xss-title-accepted', ...validate(0) },
  {
    name: 'c30-bom-crlf-nfd-accepted',
    ...validate(0),
    setup: (root) =>
      writeFileSync(
        join(root, 'content/nfd.md'),
        '\uFEFF---\r\ntitle: Cải cách hành chính\r\nchannels: [cong-tinh]\r\nunit: so-noi-vu\r\nauthor: Phòng CCHC\r\n---\r\nNội dung.\r\n'.normalize(
          'NFD',
        ),
      ),
  },
  { name: 'c31-formula-title-accepted', ...validate(0) },
  { name: 'c32-unknown-topic', ...validate(1, 'UNKNOWN_TOPIC', 'content/chu-de.md:6') },
  { name: 'c33-plan-alias-bomb', ...validate(1, 'YAML_ALIAS_LIMIT', 'schedules/bom.yaml:18') },
  { name: 'c34-plan-bad-zone', ...validate(1, 'BAD_ZONE', 'schedules/vung.yaml:8') },
  { name: 'c35-plan-reversed-period', ...validate(1, 'PERIOD_REVERSED', 'schedules/nguoc.yaml:7') },
  { name: 'c36-plan-empty', ...validate(1, 'FILE_EMPTY', 'schedules/rong.yaml:1') },
  { name: 'c37-plan-syntax', ...validate(1, 'YAML_SYNTAX', 'schedules/cu-phap.yaml:17') },
  { name: 'c38-plan-deep', ...validate(1, 'YAML_DEPTH_LIMIT', 'schedules/sau.yaml:17') },
  { name: 'c39-plan-bad-rule', ...validate(1, 'FIELD_ENUM', 'schedules/quy-tac.yaml:16') },
  {
    name: 'c40-files-folder-parent',
    ...validate(1, 'FOLDER_OUTSIDE_DATA', 'channels/tep-x.yaml:5'),
  },
  {
    name: 'c41-files-folder-absolute',
    ...validate(1, 'FOLDER_OUTSIDE_DATA', 'channels/tep-x.yaml:5'),
  },
  {
    name: 'c42-channel-secret-inline',
    ...validate(1, 'CHANNEL_SECRET_INLINE', 'channels/lo.yaml:9'),
  },
  { name: 'c43-channel-unknown-kind', ...validate(1, 'FIELD_ENUM', 'channels/la.yaml:3') },
  { name: 'c44-channel-unknown-task', ...validate(1, 'UNKNOWN_TASK', 'channels/nv.yaml:7') },
  { name: 'c45-channel-alias-bomb', ...validate(1, 'YAML_ALIAS_LIMIT', 'channels/bom.yaml:6') },
  { name: 'c46-channel-vni', ...validate(1, 'TEXT_LEGACY_ENCODING', 'channels/vni.yaml:2') },
  { name: 'c47-channel-url-javascript', ...validate(1, 'FIELD_FORMAT', 'channels/js.yaml:5') },
  {
    name: 'c48-sync-bad-item',
    argv: ['sync', '--dir', '{root}'],
    ...validate(1, 'BAD_OFFSET', 'content/lech.md:6'),
  },
  {
    name: 'c49-queue-add-bad-offset',
    argv: ['queue', 'add', '{root}/moi/lech.md', '--dir', '{root}'],
    ...validate(1, 'BAD_OFFSET', 'moi/lech.md:6'),
  },
  {
    name: 'c50-queue-add-alias-bomb',
    argv: ['queue', 'add', '{root}/moi/bom.md', '--dir', '{root}'],
    ...validate(1, 'YAML_ALIAS_LIMIT', 'moi/bom.md:7'),
  },
  {
    name: 'c51-queue-add-tcvn3',
    argv: ['queue', 'add', '{root}/moi/tcvn3.md', '--dir', '{root}'],
    ...validate(1, 'TEXT_LEGACY_ENCODING', 'moi/tcvn3.md:2'),
  },
  {
    name: 'c52-sync-alias-bomb',
    argv: ['sync', '--dir', '{root}'],
    ...validate(1, 'YAML_ALIAS_LIMIT', 'content/bom.md:7'),
  },
  { name: 'c53-item-yaml-tag', ...validate(1, 'FIELD_UNKNOWN', 'content/the.md:6') },
  {
    name: 'c55-item-symlink-outside',
    ...validate(1, 'FILE_LINK_OUTSIDE', 'content/lien-ket.md:1'),
    setup: (root) => {
      writeFileSync(join(root, 'ngoai.md'), '---\ntitle: Ngoài\n---\nx\n');
      symlinkSync(join(root, 'ngoai.md'), join(root, 'content/lien-ket.md'));
    },
  },
  { name: 'c54-item-huge-string-key', ...validate(1, 'FIELD_UNKNOWN', 'content/khoa.md:6') },
  { name: 'c56-item-nul-escaped', ...validate(1, 'TEXT_CONTROL_CHARACTER', 'content/nul.md:2') },
  { name: 'c57-item-nul-raw', ...validate(1, 'TEXT_CONTROL_CHARACTER', 'content/nul-tho.md:7') },
  { name: 'c58-item-escape-title', ...validate(1, 'TEXT_CONTROL_CHARACTER', 'content/mau.md:5') },
  { name: 'c59-plan-vni', ...validate(1, 'TEXT_LEGACY_ENCODING', 'schedules/vni.yaml:5') },
  {
    name: 'c61-jingle-folder-parent',
    ...validate(1, 'AUDIO_PATH_OUTSIDE', 'channels/loa-xa.yaml:10'),
  },
  {
    name: 'c62-jingle-symlink-out',
    ...validate(1, 'AUDIO_PATH_OUTSIDE', 'channels/loa-xa.yaml:11'),
    setup: (root) => {
      writeFileSync(join(root, 'bi-mat.wav'), 'RIFF');
      symlinkSync(join(root, 'bi-mat.wav'), join(root, 'nhac-hieu/intro.wav'));
    },
  },
  {
    name: 'c63-files-folder-symlink-out',
    ...validate(1, 'FOLDER_OUTSIDE_DATA', 'channels/tep-x.yaml:5'),
    data: true,
    setup: (root) => {
      mkdirSync(join(root, 'ngoai'));
      mkdirSync(join(root, 'data'));
      symlinkSync(join(root, 'ngoai'), join(root, 'data/ra-ngoai'));
    },
  },
  {
    name: 'c64-files-folder-symlinked-parent',
    ...validate(1, 'FOLDER_OUTSIDE_DATA', 'channels/tep-x.yaml:5'),
    data: true,
    setup: (root) => {
      mkdirSync(join(root, 'ngoai'));
      mkdirSync(join(root, 'data'));
      symlinkSync(join(root, 'ngoai'), join(root, 'data/kho'));
    },
  },
  {
    name: 'c65-jingle-folder-symlinked-parent',
    ...validate(1, 'AUDIO_PATH_OUTSIDE', 'channels/loa-xa.yaml:10'),
    // The link leads out of the project (the jingle folder's root), to an empty folder.
    setup: async (root) => {
      symlinkSync(await tempDir('ngoai-du-an'), join(root, 'am-thanh'));
    },
  },
  {
    name: 'c60-channel-control',
    ...validate(1, 'TEXT_CONTROL_CHARACTER', 'channels/dk.yaml:2'),
  },
];

/** Every file under a folder with its size and modification time, data folder aside unless asked. */
function snapshot(root: string, withData = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const rel = relative(root, path);
    if (!withData && (rel === 'data' || rel.startsWith('data/'))) continue;
    const stat = statSync(path, { throwIfNoEntry: false });
    out.set(rel, stat ? `${stat.size}:${stat.mtimeMs}` : 'dangling');
  }
  return out;
}

describe('the hostile-input corpus (tests/fixtures/bad-input)', () => {
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
  });
  afterEach(() => {
    process.env = saved;
  });

  it('has at least 50 cases, each a folder of the corpus with its expectation', () => {
    const folders = readdirSync(CORPUS).filter((f) => f !== 'base');
    expect(folders.length).toBeGreaterThanOrEqual(50);
    expect(CASES.map((c) => c.name).sort()).toEqual(folders.sort());
  });

  it.each(CASES)('$name → exit $exit $code $at', async (c) => {
    const root = await tempDir('bad-input');
    cpSync(join(CORPUS, 'base'), root, { recursive: true });
    cpSync(join(CORPUS, c.name), root, { recursive: true });
    await c.setup?.(root);
    process.env.LOA_LANG = 'vi';
    process.env.LOA_DATA_DIR = join(root, 'data');
    delete process.env.LOA_DATABASE_URL;
    const before = snapshot(root, c.data);
    const output = captureOutput();
    const argv = (c.argv ?? ['validate', '--dir', '{root}']).map((a) => a.replace('{root}', root));
    const exit = await main(argv, output);
    const printed = output.all().replaceAll(`${relative(process.cwd(), root)}/`, '');
    expect(exit, printed).toBe(c.exit);
    if (c.code) expect(printed).toContain(message(c.code).split('{')[0]?.trim());
    if (c.at) expect(printed).toContain(`${c.at}:`);
    // Never a crash or a stack trace.
    expect(printed).not.toMatch(/\[INTERNAL\]|\n\s+at .+:\d+:\d+/);
    // Nothing of the project was written; a check writes no data folder at all.
    expect(snapshot(root, c.data)).toEqual(before);
    if (!c.argv && !c.data) expect(existsSync(join(root, 'data'))).toBe(false);
  });
});
