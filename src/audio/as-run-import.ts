import { LoaError } from '../errors/loa-error.js';

/** One airing as a speaker platform reports it. */
export interface PlatformAsRun {
  /** The channel id or the station's name as in the channel file. */
  station: string;
  /** ISO 8601 start, local time of the plan's zone unless it has an offset. */
  start: string;
  durationSec: number;
  /** SHA-256 of the file it played, hex. */
  sha256: string;
  /** 1-based line (CSV) or array position (JSON), for errors. */
  line: number;
}

const COLUMNS: Record<string, keyof Omit<PlatformAsRun, 'line'>> = {
  station: 'station',
  channel: 'station',
  start: 'start',
  duration: 'durationSec',
  duration_sec: 'durationSec',
  durationsec: 'durationSec',
  sha256: 'sha256',
  hash: 'sha256',
  file_hash: 'sha256',
  filehash: 'sha256',
};

/** A CSV line split on commas, with "quoted" fields ("" for a quote). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

function bad(file: string, line: number, field: string, value: string): LoaError {
  return new LoaError('AUDIO_AS_RUN_INVALID', { params: { file, line, field, value } });
}

function checked(raw: Record<string, unknown>, file: string, line: number): PlatformAsRun {
  const get = (key: string) => {
    const name = Object.keys(raw).find((k) => COLUMNS[k.toLowerCase().trim()] === key);
    return name === undefined ? undefined : raw[name];
  };
  const station = String(get('station') ?? '').trim();
  const start = String(get('start') ?? '').trim();
  const duration = Number(get('durationSec'));
  const sha256 = String(get('sha256') ?? '')
    .trim()
    .toLowerCase();
  if (station === '') throw bad(file, line, 'station', station);
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(start)) throw bad(file, line, 'start', start);
  if (!Number.isFinite(duration) || duration <= 0) {
    throw bad(file, line, 'duration', String(get('durationSec') ?? ''));
  }
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw bad(file, line, 'sha256', sha256);
  return {
    station,
    start: start.replace(' ', 'T'),
    durationSec: Math.round(duration),
    sha256,
    line,
  };
}

/**
 * The airings of an as-run file from a speaker platform: JSON (an array of objects) or CSV
 * with a header (`station,start,duration,sha256`; `channel`, `hash`, `file_hash` also read;
 * commas or semicolons). Every row is checked before any is used: one bad row is an error
 * naming its line and field, and nothing is recorded.
 */
export function parseAsRunFile(text: string, file: string): PlatformAsRun[] {
  const body = text.replace(/^\uFEFF/, '').normalize('NFC');
  if (/^\s*[[{]/.test(body)) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (cause) {
      throw new LoaError('AUDIO_AS_RUN_INVALID', {
        params: { file, line: 1, field: 'JSON', value: (cause as Error).message },
      });
    }
    const rows = Array.isArray(data) ? data : [data];
    return rows.map((row, i) => checked((row ?? {}) as Record<string, unknown>, file, i + 1));
  }
  const lines = body.split(/\r?\n/);
  const header = csvFields(lines[0] ?? '');
  const rows: PlatformAsRun[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const fields = csvFields(line);
    rows.push(checked(Object.fromEntries(header.map((h, j) => [h, fields[j]])), file, i + 1));
  }
  return rows;
}
