/**
 * Turns an observed AlgorithmRef into the description renderers need: canonical CycloneDX 1.7-pattern name
 * (CycloneDX cryptography-defs.json naming patterns), family, primitive, classical security bits
 * (SP 800-57 Pt 1 Table 2 bands for IFC/FFC, curve bands for ECC, key size for symmetric) and NIST category.
 * Unknown ids and OIDs are described as `unknown-<oid or raw name>`, never dropped.
 */
import type { AlgorithmRef } from '../model/finding.js';
import { catalogOid, getAlgorithm, getCurve, getHash } from './lookup.js';
import type { AlgorithmDescription, AlgorithmRow, NameTemplate } from './types.js';

type Values = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{x}` placeholders; `[...]` groups vanish when one of their placeholders is unknown. */
function renderName(template: NameTemplate, values: Values): string | undefined {
  const fill = (part: string): string | undefined => {
    let missing = false;
    const out = part.replace(PLACEHOLDER, (_, key: string) => {
      const v = values[key];
      if (v === undefined || v === '') missing = true;
      return v ?? '';
    });
    return missing ? undefined : out;
  };
  let result = '';
  for (const segment of template.split(/(\[[^\]]*\])/)) {
    if (segment.startsWith('[') && segment.endsWith(']')) {
      result += fill(segment.slice(1, -1)) ?? '';
    } else {
      const filled = fill(segment);
      if (filled === undefined) return undefined;
      result += filled;
    }
  }
  return result;
}

/** SP 800-57 Pt 1 Rev 5 Table 2: IFC modulus / FFC prime size → security strength. */
const IFC_FFC_BANDS: readonly (readonly [number, number])[] = [
  [15360, 256],
  [7680, 192],
  [3072, 128],
  [2048, 112],
  [1024, 80],
];

const modulusBits = (ref: AlgorithmRef): number | undefined => {
  if (ref.keyBits !== undefined) return ref.keyBits;
  const m = ref.parameterSet?.match(/(\d{3,5})$/);
  return m ? Number(m[1]) : undefined;
};

function classicalBits(row: AlgorithmRow, ref: AlgorithmRef): number | undefined {
  const s = row.strength;
  if (!s) return undefined;
  switch (s.rule) {
    case 'fixed':
      return s.bits;
    case 'ifc-ffc': {
      const bits = modulusBits(ref);
      return bits === undefined ? undefined : IFC_FFC_BANDS.find(([min]) => bits >= min)?.[1];
    }
    case 'curve': {
      const curve = ref.curve ?? row.curve;
      return curve ? getCurve(curve)?.classicalBits : undefined;
    }
    case 'key-bits':
      return ref.keyBits !== undefined ? (s.byKeyBits?.[ref.keyBits] ?? ref.keyBits) : s.defaultBits;
    case 'hash':
      return undefined;
  }
}

function nistCategory(row: AlgorithmRow, ref: AlgorithmRef): number | undefined {
  const c = row.nistCategory;
  if (c === undefined || typeof c === 'number') return c;
  return ref.keyBits === undefined ? undefined : c.byKeyBits[ref.keyBits];
}

function nameValues(ref: AlgorithmRef): Values {
  const curve = ref.curve ? getCurve(ref.curve) : undefined;
  const hash = ref.hash ? getHash(ref.hash) : undefined;
  return {
    keyBits: ref.keyBits === undefined ? undefined : String(ref.keyBits),
    hash: ref.hash ? (hash?.token ?? ref.hash.toUpperCase()) : undefined,
    curve: ref.curve ? (curve?.token ?? ref.curve) : undefined,
    mode: ref.mode?.toUpperCase(),
    parameterSet: ref.parameterSet,
    oid: ref.oid,
  };
}

function canonicalName(row: AlgorithmRow, values: Values): string {
  for (const template of row.names) {
    const name = renderName(template, values);
    if (name !== undefined) return name;
  }
  return row.id;
}

const UNKNOWN_ROW_ID = 'unknown';

export function describeAlgorithm(ref: AlgorithmRef): AlgorithmDescription {
  const row = getAlgorithm(ref.id);
  if (ref.id === UNKNOWN_ROW_ID && ref.candidates && ref.candidates.length > 0) return describeCandidates(ref);
  if (!row || row.id === UNKNOWN_ROW_ID) {
    const unknownRow = getAlgorithm(UNKNOWN_ROW_ID)!;
    // Keep whatever identifies the thing: the OID, else the raw name the evidence used.
    const raw = ref.parameterSet ?? (ref.id === UNKNOWN_ROW_ID ? undefined : ref.id);
    return {
      id: UNKNOWN_ROW_ID,
      name: canonicalName(unknownRow, { oid: ref.oid, parameterSet: raw }),
      primitive: 'unknown',
      ...(ref.oid ? { oid: ref.oid } : {}),
      known: false,
      sources: unknownRow.sources,
    };
  }
  const curveId = ref.curve ?? row.curve;
  const curve = curveId ? getCurve(curveId) : undefined;
  const mode = ref.mode?.toLowerCase();
  const bits = classicalBits(row, ref);
  const category = nistCategory(row, ref);
  const paramSet = row.parameterSetIdentifier ?? (ref.keyBits === undefined ? ref.parameterSet : String(ref.keyBits));
  const ellipticCurve = row.ellipticCurve ?? curve?.ellipticCurve;
  const oid = catalogOid(ref);
  return {
    id: row.id,
    name: canonicalName(row, nameValues(ref)),
    ...(row.family ? { family: row.family } : {}),
    primitive: (mode && row.primitiveByMode?.[mode]) || row.primitive,
    ...(paramSet ? { parameterSetIdentifier: paramSet } : {}),
    ...(ellipticCurve ? { ellipticCurve } : {}),
    ...(curve ? { curveName: curve.curveName } : {}),
    ...(mode ? { mode } : {}),
    ...(row.padding ? { padding: row.padding } : {}),
    ...(row.cryptoFunctions ? { cryptoFunctions: row.cryptoFunctions } : {}),
    ...(bits === undefined ? {} : { classicalSecurityBits: bits }),
    ...(category === undefined ? {} : { nistQuantumCategory: category }),
    ...(oid ? { oid } : {}),
    known: true,
    sources: row.sources,
  };
}

/** A choice made at run time among several algorithms: named by its candidates (`RSA | ECDSA`). */
function describeCandidates(ref: AlgorithmRef): AlgorithmDescription {
  const parts = (ref.candidates ?? []).map(describeAlgorithm);
  const names = [...new Set(parts.map((p) => p.name))];
  const primitives = new Set(parts.map((p) => p.primitive));
  const unknownRow = getAlgorithm(UNKNOWN_ROW_ID)!;
  return {
    id: UNKNOWN_ROW_ID,
    name: names.join(' | '),
    primitive: primitives.size === 1 ? parts[0]!.primitive : 'unknown',
    known: false,
    sources: unknownRow.sources,
  };
}
