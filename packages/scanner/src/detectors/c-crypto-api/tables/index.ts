/**
 * All C library tables merged into lookup maps. Function names may belong to several libraries
 * (`crypto_sign_keypair` in libsodium and in PQClean-style code); the candidates keep their header
 * hints so the resolver can pick by what the translation unit includes.
 */
import { bearsslTable } from './bearssl.js';
import { libhydrogenTable } from './libhydrogen.js';
import { liboqsTable } from './liboqs.js';
import { libsodiumTable } from './libsodium.js';
import { mbedtlsTable } from './mbedtls.js';
import { microEccTable } from './micro-ecc.js';
import { monocypherTable } from './monocypher.js';
import { naclTable } from './nacl.js';
import { opensslLegacyDigestTable, opensslTable } from './openssl.js';
import { mlkemNativeTable, NATIVE_NAME, nativePattern, PQCLEAN_NAME, pqPattern, pqTable } from './pq-reference.js';
import { psaTable } from './psa.js';
import { curve25519Table, genericTable, katTable, referenceHashTable } from './reference.js';
import { tinyAesTable } from './tiny-aes-c.js';
import { tinycryptTable } from './tinycrypt.js';
import type { ConstructorRow, FunctionCandidate, LibraryTable, RefPart } from './types.js';
import { wolfcryptTable } from './wolfcrypt.js';

const LIBRARY_TABLES: readonly LibraryTable[] = Object.freeze([
  mbedtlsTable,
  psaTable,
  wolfcryptTable,
  opensslTable,
  opensslLegacyDigestTable,
  tinycryptTable,
  microEccTable,
  bearsslTable,
  libsodiumTable,
  monocypherTable,
  liboqsTable,
  pqTable,
  mlkemNativeTable,
  naclTable,
  libhydrogenTable,
  tinyAesTable,
  referenceHashTable,
  curve25519Table,
  katTable,
  genericTable,
]);

const functions = new Map<string, FunctionCandidate[]>();
const symbols = new Map<string, RefPart>();
const constructors = new Map<string, ConstructorRow>();
const names = new Map<string, RefPart>();

for (const t of LIBRARY_TABLES) {
  for (const [name, row] of Object.entries(t.functions)) {
    const list = functions.get(name) ?? [];
    list.push({
      library: t.library,
      row,
      ...(t.headers ? { headers: t.headers } : {}),
      ...(t.requireHeader ? { requireHeader: true } : {}),
      ...(t.generic ? { generic: true } : {}),
      ...(t.commonNames ? { commonNames: true } : {}),
    });
    functions.set(name, list);
  }
  for (const [k, v] of Object.entries(t.symbols ?? {})) symbols.set(k, v);
  for (const [k, v] of Object.entries(t.constructors ?? {})) constructors.set(k, v);
  for (const [k, v] of Object.entries(t.names ?? {})) names.set(k, v);
}

/** Candidates for a function name: table rows, then name patterns (PQClean namespaced symbols). */
export function functionCandidates(name: string): readonly FunctionCandidate[] | undefined {
  const hit = functions.get(name);
  if (hit) return hit;
  const p = pqPattern(name) ?? nativePattern(name);
  return p ? [p] : undefined;
}

/** Every table function name and the name patterns, for extraction (worker threads get them as data). */
export const FUNCTION_NAMES: readonly string[] = Object.freeze([...functions.keys()].sort());
export const FUNCTION_PATTERNS: readonly { readonly source: string; readonly contains: readonly string[] }[] =
  Object.freeze([
    { source: PQCLEAN_NAME.source, contains: ['PQCLEAN_'] },
    { source: NATIVE_NAME.source, contains: ['mlkem', 'MLKEM', 'mldsa', 'MLDSA'] },
  ]);

/**
 * Names only generic tables define (`sha256_init`, `md5_update`): a project defining one may be wrapping
 * another library, so its definitions are followed like the project's own functions.
 */
export const GENERIC_NAMES: readonly string[] = Object.freeze(
  [...functions.entries()]
    .filter(([, cands]) => cands.every((c) => c.generic))
    .map(([n]) => n)
    .sort(),
);

export const SYMBOLS: ReadonlyMap<string, RefPart> = symbols;
export const CONSTRUCTORS: ReadonlyMap<string, ConstructorRow> = constructors;
export const NAMES: ReadonlyMap<string, RefPart> = names;
