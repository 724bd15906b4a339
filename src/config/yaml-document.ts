import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { Diagnostic } from './diagnostic.js';

/** 1-based line and column of a UTF-16 offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The most nested collections (maps, lists) a plan, channel or item file may hold. */
export const MAX_YAML_DEPTH = 32;

/** How many values aliases (`*name`) may expand to in one file (the `yaml` package's count). */
export const MAX_YAML_ALIAS_EXPANSION = 50;

/**
 * The first place a document passes a limit, as a diagnostic naming the limit: nesting deeper
 * than MAX_YAML_DEPTH, or aliases that expand beyond MAX_YAML_ALIAS_EXPANSION (an "alias
 * bomb": a few lines that expand to millions of values).
 */
function limitFinding(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
  lineOffset: number,
): { finding?: Diagnostic; data?: unknown } {
  let deep: Node | undefined;
  let firstAlias: Node | undefined;
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) firstAlias ??= node;
      if (!deep && isCollection(node)) {
        const depth = path.filter((p) => isCollection(p)).length + 1;
        if (depth > MAX_YAML_DEPTH) deep = node;
      }
      return deep ? visit.BREAK : undefined;
    },
  });
  const at = (node: Node | undefined) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { file, line: pos.line + lineOffset, column: pos.col };
  };
  if (deep) {
    return {
      finding: {
        severity: 'error',
        code: 'YAML_DEPTH_LIMIT',
        params: { max: MAX_YAML_DEPTH },
        ...at(deep),
      },
    };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSION }) };
  } catch (error) {
    if (!(error instanceof ReferenceError) && !(error instanceof RangeError)) throw error;
    return {
      finding: {
        severity: 'error',
        code: 'YAML_ALIAS_LIMIT',
        params: { max: MAX_YAML_ALIAS_EXPANSION },
        ...at(firstAlias),
      },
    };
  }
}

/** A parsed YAML document that can say where any field path sits in the file. */
export interface YamlSource {
  data: unknown;
  /** Line and column of the value at a path (or of the nearest parent that exists). */
  locate(path: readonly PropertyKey[], at?: 'value' | 'key'): { line: number; column: number };
}

function childNode(node: unknown, segment: PropertyKey): { node: Node; key?: Node } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        const value = pair.value as Node | null;
        return value ? { node: value, key: pair.key } : { node: pair.key, key: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { node: item } : undefined;
  }
  return undefined;
}

/**
 * Parses YAML (1.2 core schema: dates stay strings, so zod checks them) keeping positions.
 * `lineOffset` shifts reported lines, for front matter that starts below line 1.
 */
export function parseYamlSource(
  file: string,
  text: string,
  lineOffset = 0,
): YamlSource | Diagnostic[] {
  const parse = () => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter,
      schema: 'core',
      uniqueKeys: true,
      prettyErrors: true,
    });
    return { doc, lineCounter };
  };
  const { doc, lineCounter } = parse();
  if (doc.errors.length > 0) {
    return doc.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      return {
        severity: 'error',
        code: 'YAML_SYNTAX',
        params: {
          detail: (error.message.split('\n')[0] ?? error.code).replace(
            / at line \d+, column \d+:?$/,
            '',
          ),
        },
        file,
        line: pos.line + lineOffset,
        column: pos.col,
      } satisfies Diagnostic;
    });
  }
  const limited = limitFinding(doc, lineCounter, file, lineOffset);
  if (limited.finding) return [limited.finding];
  // NOTE: positions are asked for only when a finding is reported, and a project holds
  // thousands of parsed files: the document (its tree and line table) is not kept for that,
  // it is parsed again, once, on the first `locate`.
  let parsed: ReturnType<typeof parse> | undefined;
  return {
    data: limited.data,
    locate(path, target = 'value') {
      parsed ??= parse();
      const at = (offset: number) => {
        const pos = parsed!.lineCounter.linePos(offset);
        return { line: pos.line + lineOffset, column: pos.col };
      };
      let node: unknown = parsed.doc.contents;
      let offset = (parsed.doc.contents as Node | null)?.range?.[0] ?? 0;
      for (const segment of path) {
        const next = childNode(node, segment);
        if (!next) break;
        node = next.node;
        const keyOffset = next.key?.range?.[0];
        offset =
          (target === 'key' ? keyOffset : undefined) ?? next.node.range?.[0] ?? keyOffset ?? offset;
      }
      return at(offset);
    },
  };
}
