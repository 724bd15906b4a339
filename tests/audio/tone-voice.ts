import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A stand-in voice: one second of 440 Hz per 10 words read from stdin, as a 16 kHz WAV at {out}. */
const TONE = `import { writeFileSync } from 'node:fs';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const rate = 16000;
const n = rate * Math.ceil(text.trim().split(/\\s+/).length / 10);
const b = Buffer.alloc(44 + n * 2);
b.write('RIFF', 0); b.writeUInt32LE(36 + n * 2, 4); b.write('WAVEfmt ', 8);
b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22);
b.writeUInt32LE(rate, 24); b.writeUInt32LE(rate * 2, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34);
b.write('data', 36); b.writeUInt32LE(n * 2, 40);
for (let i = 0; i < n; i++) b.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate)), 44 + i * 2);
writeFileSync(process.argv[2], b);
`;

/**
 * Writes the stand-in voice as `tone.mjs` into the project at `root` and returns the channel
 * YAML lines that make a station speak with it (in place of `  voice: vi\n`).
 */
export async function toneVoice(root: string): Promise<string> {
  await writeFile(join(root, 'tone.mjs'), TONE, { mode: 0o755 });
  return `  engine: { kind: command, command: [${JSON.stringify(process.execPath)}, tone.mjs, "{out}"], version: tone-1, timeoutSec: 20 }\n  voice: vi\n`;
}
