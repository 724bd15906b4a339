import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yauzl from 'yauzl';

/** Extracts a zip into a folder with yauzl (what an auditor's unzip does). */
export function extractZip(zip: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      file.on('error', reject).on('end', resolve);
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return file.readEntry();
        file.openReadStream(entry, async (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          const target = join(dir, entry.fileName);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, Buffer.concat(chunks));
          file.readEntry();
        });
      });
      file.readEntry();
    });
  });
}
