/**
 * The tables of the three C detectors (API rows, build options, constant signatures) assembled into the
 * knowledge interface the C analysis reads. The analysis itself (src/c) never imports a table.
 */
import type { CKnowledge } from '../c/knowledge.js';
import { PROTOCOL_STRINGS, PROTOCOL_WORDS } from './c-crypto-api/protocol-strings.js';
import { groupAlgorithm, listTokens, sigalgAlgorithm, suiteAlgorithms } from './c-crypto-api/suites.js';
import {
  CONSTRUCTORS,
  FUNCTION_NAMES,
  FUNCTION_PATTERNS,
  functionCandidates,
  GENERIC_NAMES,
  NAMES,
  SYMBOLS,
} from './c-crypto-api/tables/index.js';
import { ALGNAMES, SCHEME_MACROS } from './c-crypto-api/tables/pq-reference.js';
import { PSA_FAMILY_BITS } from './c-crypto-api/tables/psa.js';
import { KNOWN_OPTION_NAMES } from './c-crypto-config/known-options.js';
import { PROJECT_MARKERS } from './c-crypto-config/projects.js';
import {
  CMAKE_CONFIG_PATTERN,
  CONFIG_FILE_RULES,
  KCONFIG_PATTERN,
  KNOWN_NON_ALGORITHM,
  NOT_CONFIG_PATTERN,
  OPTION_BY_NAME,
  OPTION_PREFIXES,
  OPTIONS,
  TEST_ONLY_OPTION,
} from './c-crypto-config/table.js';
import { COMPOSITIONS } from './c-crypto-implementation/compositions.js';
import { SIGNATURES } from './c-crypto-implementation/table.js';

const VOCABULARY: ReadonlySet<string> = new Set(
  [...OPTIONS.map((o) => o.name), ...KNOWN_OPTION_NAMES, ...KNOWN_NON_ALGORITHM].flatMap((n) => n.split('_')),
);

export const C_KNOWLEDGE: CKnowledge = Object.freeze({
  api: {
    functionCandidates,
    symbols: SYMBOLS,
    constructors: CONSTRUCTORS,
    names: NAMES,
    algnames: ALGNAMES,
    schemeMacros: SCHEME_MACROS,
    familyBits: PSA_FAMILY_BITS,
    suiteAlgorithms,
    groupAlgorithm,
    sigalgAlgorithm,
    listTokens,
    protocol: PROTOCOL_STRINGS,
  },
  options: {
    byName: OPTION_BY_NAME,
    all: OPTIONS,
    prefixes: OPTION_PREFIXES,
    isKnownName: (name: string) => KNOWN_NON_ALGORITHM.has(name) || KNOWN_OPTION_NAMES.has(name),
    vocabulary: VOCABULARY,
    fileRules: CONFIG_FILE_RULES,
    notConfig: NOT_CONFIG_PATTERN,
    cmakePattern: CMAKE_CONFIG_PATTERN,
    kconfigPattern: KCONFIG_PATTERN,
    testOnly: TEST_ONLY_OPTION,
    projectMarkers: PROJECT_MARKERS,
  },
  signatures: SIGNATURES,
  compositions: COMPOSITIONS,
  extract: {
    functionNames: FUNCTION_NAMES,
    functionPatterns: FUNCTION_PATTERNS,
    signatures: SIGNATURES,
    sitedDefineNames: OPTIONS.map((o) => o.name),
    sitedDefinePrefixes: OPTION_PREFIXES,
    symbolNames: [...SYMBOLS.keys(), ...CONSTRUCTORS.keys()].sort(),
    genericNames: GENERIC_NAMES,
    protocolWords: PROTOCOL_WORDS,
  },
});
