import { COSIGNATURE_V1_TYPE } from '../evidence/signed-note.js';
import { loadOrCreateSigningKey, WITNESS_KEY_FILE } from '../evidence/signing-key.js';
import { evidenceOrigin } from '../evidence/store-checkpoint.js';

/** The witness's name in its cosignature lines: `LOA_WITNESS_NAME`, else its origin. */
export function witnessName(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOA_WITNESS_NAME?.trim() || evidenceOrigin(env);
}

/**
 * The witness's own Ed25519 cosigning key (c2sp.org/tlog-cosignature, key type 0x04), in
 * `witness-cosigning-key.pem` of its data folder (mode 0600, created on first use), apart
 * from the key that signs its own log: a witness's statement and its own log are two things.
 * Its `verifierKey` is what the units it watches put in `LOA_WITNESS_KEYS`.
 */
export function witnessKey(dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  return loadOrCreateSigningKey({
    dir: dataDir,
    name: witnessName(env),
    file: WITNESS_KEY_FILE,
    type: COSIGNATURE_V1_TYPE,
  });
}
