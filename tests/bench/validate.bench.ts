import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadProject } from '../../src/config/project.js';
import { type BenchFigure, timeMs } from './report.js';

const FILES = 10_000;

const PLAN = `id: bench-2024
document: { number: 01/KH-UBND, date: 2024-01-05, issuer: UBND tỉnh, title: Kế hoạch tuyên truyền CCHC }
period: { start: 2024-01-01, end: 2024-12-31 }
units: [{ id: so-noi-vu, name: Sở Nội vụ }]
topics: [{ id: cai-cach-tthc, title: Cải cách thủ tục hành chính, focus: true }]
tasks:
  - { id: cong-ttdt, title: Chuyên mục CCHC, unit: so-noi-vu, source: II.2.b, rule: { per: month, atLeast: 4, channelKinds: [wordpress] } }
`;

const CHANNEL = `id: cong-ttdt
name: Cổng thông tin điện tử
kind: wordpress
unit: so-noi-vu
url: https://cchc.example.gov.vn
section: { name: Cải cách hành chính }
credentials: { userEnv: BENCH_WP_USER, passwordEnv: BENCH_WP_PASSWORD }
serves: [{ plan: bench-2024, tasks: [cong-ttdt] }]
`;

function item(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return `---
title: "Tin cải cách hành chính số ${i}: một cửa liên thông hiện đại"
summary: Người dân nộp hồ sơ trực tuyến, nhận kết quả tại nhà qua bưu chính công ích.
topics: [cai-cach-tthc]
channels: [cong-ttdt]
unit: so-noi-vu
author: Phòng Cải cách hành chính
publishAt: 2024-03-${day}T08:00
priority: ${(i % 5) + 1}
status: approved
---
Sáng nay, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận ${i} hồ sơ trực tuyến.

Việc **số hoá** hồ sơ giúp rút ngắn thời gian giải quyết thủ tục hành chính.
`;
}

async function generate(root: string): Promise<void> {
  await mkdir(join(root, 'schedules'), { recursive: true });
  await mkdir(join(root, 'channels'), { recursive: true });
  await writeFile(join(root, 'schedules/bench.yaml'), PLAN);
  await writeFile(join(root, 'channels/cong-ttdt.yaml'), CHANNEL);
  for (let folder = 0; folder < FILES / 500; folder++) {
    const dir = join(root, 'content', `lo-${folder}`);
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Array.from({ length: 500 }, (_, k) =>
        writeFile(join(dir, `tin-${k}.md`), item(folder * 500 + k)),
      ),
    );
  }
}

/** The baseline: read every file (the fastest way, synchronously) and yaml.parse its front matter. */
function bareParse(root: string): number {
  let parsed = 0;
  const content = join(root, 'content');
  for (const folder of readdirSync(content)) {
    for (const name of readdirSync(join(content, folder))) {
      const text = readFileSync(join(content, folder, name), 'utf8');
      const end = text.indexOf('\n---', 4);
      if (parse(text.slice(4, end))) parsed += 1;
    }
  }
  return parsed;
}

export async function run(): Promise<BenchFigure[]> {
  const root = await mkdtemp(join(tmpdir(), 'loa-bench-validate-'));
  try {
    await generate(root);
    // Warm both paths once so neither pays for JIT and the page cache alone.
    bareParse(root);
    await loadProject({ root, env: {} });
    let items = 0;
    let errors = 0;
    const ours = await timeMs(async () => {
      const project = await loadProject({
        root,
        env: { BENCH_WP_USER: 'u', BENCH_WP_PASSWORD: 'p' },
      });
      items = project.items.length;
      errors = project.diagnostics.length;
    });
    const baseline = await timeMs(() => bareParse(root));
    const ratio = ours / baseline;
    return [
      {
        name: `validate ${FILES.toLocaleString('en')} content files (${items} items read, ${errors} findings)`,
        ours,
        baseline,
        unit: 'ms',
        baselineLabel: 'read + bare YAML parse of the same files',
        goal: '< 3000 ms, ratio ≤ 2',
        met: ours < 3000 && ratio <= 2 && items === FILES && errors === 0,
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
