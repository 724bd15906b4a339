import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A channel of a generated project: files, or WordPress when `wordpress` is given. */
export interface FilesChannelSpec {
  id: string;
  /** A WordPress portal instead of a files channel: its address and credential variables. */
  wordpress?: { url: string; userEnv: string; passwordEnv: string };
  maxLatenessMinutes?: number;
  retry?: { maxAttempts: number; baseDelaySec: number };
  /** Posting schedule lines, e.g. `mon: ["08:00"]`. */
  schedule?: string[];
  /** Its items need an approver other than their author. */
  fourEyes?: boolean;
}

/** One generated item: publishAt (local, plan zone) or `next`. */
export interface ItemSpec {
  id: string;
  channels: string[];
  publishAt?: string;
  title?: string;
  status?: 'draft' | 'approved';
}

/**
 * Writes a minimal valid loa project: one plan in Asia/Ho_Chi_Minh whose task any files or
 * WordPress channel serves, the channels, the items.
 */
export async function writeSchedProject(
  root: string,
  channels: FilesChannelSpec[],
  items: ItemSpec[],
): Promise<void> {
  for (const dir of ['schedules', 'channels', 'content'])
    await mkdir(join(root, dir), { recursive: true });
  await writeFile(
    join(root, 'schedules/thu.yaml'),
    [
      'id: thu',
      'document: { number: 01/KH-UBND, date: "2024-01-05", issuer: UBND tỉnh Thử, title: Kế hoạch thử }',
      'period: { start: "2024-01-01", end: "2030-12-31" }',
      'units: [{ id: so-noi-vu, name: Sở Nội vụ }]',
      'tasks:',
      '  - { id: dang-tin, title: Đăng tin, unit: so-noi-vu, source: II.1, rule: { per: month, atLeast: 1, channelKinds: [files, wordpress] } }',
      '',
    ].join('\n'),
  );
  for (const c of channels) {
    const kind = c.wordpress
      ? [
          'kind: wordpress',
          `url: ${c.wordpress.url}`,
          'section: { name: Cải cách hành chính }',
          `credentials: { userEnv: ${c.wordpress.userEnv}, passwordEnv: ${c.wordpress.passwordEnv} }`,
          'timeoutSec: 10',
        ]
      : ['kind: files'];
    const lines = [
      `id: ${c.id}`,
      `name: Kênh ${c.id}`,
      ...kind,
      'unit: so-noi-vu',
      'serves: [{ plan: thu, tasks: [dang-tin] }]',
      `maxLatenessMinutes: ${c.maxLatenessMinutes ?? 120}`,
    ];
    if (c.retry)
      lines.push(
        `retry: { maxAttempts: ${c.retry.maxAttempts}, baseDelaySec: ${c.retry.baseDelaySec} }`,
      );
    if (c.fourEyes) lines.push('fourEyes: true');
    if (c.schedule) lines.push('postingSchedule:', ...c.schedule.map((s) => `  ${s}`));
    await writeFile(join(root, `channels/${c.id}.yaml`), `${lines.join('\n')}\n`);
  }
  await Promise.all(items.map((item) => writeItem(root, item)));
}

/** Writes (or rewrites) one item file under content/. */
export async function writeItem(root: string, item: ItemSpec): Promise<void> {
  const front = [
    '---',
    `title: ${JSON.stringify(item.title ?? `Tin cải cách hành chính ${item.id}`)}`,
    `channels: [${item.channels.join(', ')}]`,
    'unit: so-noi-vu',
    'author: Phòng CCHC',
    item.publishAt ? `publishAt: ${item.publishAt}` : 'slot: next',
    `status: ${item.status ?? 'approved'}`,
    '---',
    `Nội dung ${item.id}.`,
    '',
  ];
  await writeFile(join(root, `content/${item.id}.md`), front.join('\n'));
}
