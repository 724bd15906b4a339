import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  leafHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../src/evidence/merkle.js';

// Vectors of transparency-dev/merkle (Apache-2.0), copied from RFC 6962 test data: tree.json
// has leaf inputs and the root of every prefix; inclusion/ and consistency/ hold proof cases,
// each saying whether a verifier must reject it.
const root = fileURLToPath(new URL('../fixtures/rfc6962/', import.meta.url));

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface TreeVectors {
  leafInputs: string[];
  rootHashes: string[];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function load<T>(file: string): [string, T] {
  return [relative(root, file), JSON.parse(readFileSync(file, 'utf8')) as T];
}

const b64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const proofOf = (proof: string[] | null) => (proof ?? []).map(b64);

const inclusionCases = jsonFiles(join(root, 'inclusion')).map((f) => load<InclusionCase>(f));
const consistencyCases = jsonFiles(join(root, 'consistency')).map((f) => load<ConsistencyCase>(f));

describe('RFC 6962 vectors', () => {
  it('has every vector file of the copied set', () => {
    expect(inclusionCases.length).toBe(98);
    expect(consistencyCases.length).toBe(98);
    expect(inclusionCases.filter(([, c]) => !c.wantErr).length).toBe(6);
    expect(consistencyCases.filter(([, c]) => !c.wantErr).length).toBe(6);
  });

  it('gives the root of every prefix of tree.json, in one pass and incrementally', () => {
    const [, tree] = load<TreeVectors>(join(root, 'tree.json'));
    const leaves = tree.leafInputs.map((input) => leafHash(hex(input)));
    const range = new CompactRange();
    expect(Buffer.from(range.root()).toString('hex')).toBe(tree.rootHashes[0]);
    for (let n = 1; n <= leaves.length; n += 1) {
      range.append(leaves[n - 1]!);
      expect(Buffer.from(range.root()).toString('hex')).toBe(tree.rootHashes[n]);
      expect(Buffer.from(rootFromLeafHashes(leaves.slice(0, n))).toString('hex')).toBe(
        tree.rootHashes[n],
      );
    }
  });
});

describe.each(inclusionCases)('inclusion %s', (_name, c) => {
  it(`${c.wantErr ? 'rejects' : 'accepts'}: ${c.desc}`, () => {
    const result = verifyInclusion(
      b64(c.leafHash),
      c.leafIdx,
      c.treeSize,
      proofOf(c.proof),
      b64(c.root),
    );
    expect(result.ok).toBe(!c.wantErr);
    if (!result.ok) expect(result.detail.length).toBeGreaterThan(0);
  });
});

describe.each(consistencyCases)('consistency %s', (_name, c) => {
  it(`${c.wantErr ? 'rejects' : 'accepts'}: ${c.desc}`, () => {
    const result = verifyConsistency(
      c.size1,
      c.size2,
      proofOf(c.proof),
      b64(c.root1),
      b64(c.root2),
    );
    expect(result.ok).toBe(!c.wantErr);
  });
});
