/**
 * Reads a CycloneDX 1.6 / 1.7 CBOM (pqready's or another tool's) into the planner's asset model. The one place that
 * knows the CycloneDX shape: cryptoProperties (algorithm, certificate, related-crypto-material, protocol), evidence
 * occurrences, dependencies (`dependsOn`, `provides`), 1.7 `relatedCryptographicAssets`, and pqready's `pqready:*`
 * component properties and `key=value; …; snippet=…` occurrence facts (docs/cbom-mapping.md). Another tool's
 * CBOM is read from CycloneDX fields only. Validation uses the official schema (core `validateCycloneDx`); the
 * first error becomes one sentence with its JSON path. Fields the planner does not use are left alone, not
 * rejected. Spec: https://cyclonedx.org/docs/1.6/json/
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deepestFlowNesting, MAX_YAML_NESTING, validateCycloneDx } from '@pqready/core';
import { parseDocument } from 'yaml';
import { jsonPath, PlanInputError } from '../errors.js';
import { algorithmRefOf } from './algorithm-ref.js';
import type {
  AssetOccurrence,
  AssetType,
  CbomInventory,
  CryptoAsset,
  InventoryDiagnostic,
  LibraryComponent,
  OccurrenceState,
} from './types.js';

type Json = Record<string, unknown>;
interface Property {
  readonly name: string;
  readonly value: string;
}

const STATES = new Set<string>(['active', 'inactive', 'conditional', 'overridden', 'disabled']);
const ROLES = new Set<string>([
  'api-call',
  'implementation',
  'config-enable',
  'config-disable',
  'protocol-config',
  'stored-object',
  'protection',
]);
const ASSET_TYPES = new Set<string>(['algorithm', 'certificate', 'related-crypto-material', 'protocol']);

const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function propertiesOf(c: Json): Property[] {
  return arr(c.properties).flatMap((p) => {
    const o = obj(p);
    const name = str(o?.name);
    return name ? [{ name, value: typeof o?.value === 'string' ? o.value : '' }] : [];
  });
}
const values = (props: readonly Property[], name: string) => props.filter((p) => p.name === name).map((p) => p.value);
const first = (props: readonly Property[], name: string) => values(props, name)[0];
/** A property written as one `sep`-separated value (`pqready:flags`, `pqready:extended-key-usage` …), split. */
const split = (props: readonly Property[], name: string, sep: RegExp = /,\s*/) =>
  values(props, name)
    .flatMap((v) => v.split(sep))
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Where JSON.parse failed: V8 gives `at position N` for some errors and a quoted excerpt (`..."x": }" is not valid
 * JSON`) for others; YAML, a superset of JSON, locates what neither does.
 */
function errorPosition(text: string, message: string): { line: number; col: number } | undefined {
  let pos = Number(message.match(/position (\d+)/)?.[1]);
  if (!Number.isFinite(pos)) {
    const excerpt = message
      .match(/"(.*)" is not valid JSON/)?.[1]
      ?.replace(/^\.\.\./, '')
      .replace(/\.\.\.$/, '');
    const token = message.match(/Unexpected token '(.+?)'/)?.[1];
    const start = excerpt ? text.indexOf(excerpt) : -1;
    if (start >= 0) pos = start + Math.max(0, token ? excerpt!.lastIndexOf(token) : excerpt!.length);
  }
  if (Number.isFinite(pos)) {
    const before = text.slice(0, pos);
    return { line: before.split('\n').length, col: pos - before.lastIndexOf('\n') };
  }
  if (deepestFlowNesting(text) > MAX_YAML_NESTING) return undefined;
  const y = parseDocument(text).errors[0]?.linePos?.[0];
  return y ? { line: y.line, col: y.col } : undefined;
}

/** Parses JSON with the error position as line:column, so a hand-edited CBOM points at the typo. */
function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = errorPosition(text, message);
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new PlanInputError(
      `CBOM ${label} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '').split('\n')[0]}.`,
    );
  }
}

/** `instancePath message {params}` lines from the schema validator → the most specific one as a sentence. */
function schemaProblem(errors: readonly string[]): string {
  const parsed = errors.map((e) => {
    const space = e.indexOf(' ');
    return { pointer: space < 0 ? e : e.slice(0, space), message: space < 0 ? 'is invalid' : e.slice(space + 1) };
  });
  // The deepest path is the most specific; anyOf/oneOf summaries sit higher up and say less.
  const best = [...parsed].sort((a, b) => b.pointer.split('/').length - a.pointer.split('/').length)[0]!;
  return `${jsonPath(best.pointer === '/' ? '' : best.pointer)} ${best.message}`;
}

function checkEnvelope(doc: unknown, label: string): { bom: Json; specVersion: '1.6' | '1.7' } {
  const bom = obj(doc);
  if (!bom) throw new PlanInputError(`CBOM ${label}: $ must be a JSON object (a CycloneDX BOM).`);
  if (bom.bomFormat !== 'CycloneDX')
    throw new PlanInputError(
      `CBOM ${label}: $.bomFormat must be "CycloneDX" (got ${JSON.stringify(bom.bomFormat ?? null)}).`,
    );
  const spec = bom.specVersion;
  if (spec !== '1.6' && spec !== '1.7')
    throw new PlanInputError(
      `CBOM ${label}: $.specVersion is ${JSON.stringify(spec ?? null)}; pqready plans from CycloneDX 1.6 or 1.7 CBOMs (cryptoProperties arrived in 1.6). Re-export the inventory as 1.6 or 1.7.`,
    );
  const errors = validateCycloneDx(bom, spec);
  if (errors.length > 0)
    throw new PlanInputError(
      `CBOM ${label} is not valid CycloneDX ${spec}: ${schemaProblem(errors)}. Fix the file or re-export it.`,
    );
  return { bom, specVersion: spec };
}

/** Every component, nested ones included, in document order. */
function allComponents(bom: Json): Json[] {
  const out: Json[] = [];
  const walk = (list: unknown) => {
    for (const c of arr(list)) {
      const o = obj(c);
      if (!o) continue;
      out.push(o);
      walk(o.components);
    }
  };
  walk(bom.components);
  return out;
}

/** A `key=` at the start of a pair of pqready's occurrence context (`detector=`, `unresolved.keyBits=` …). */
const PAIR = /(?:^|; )([A-Za-z][\w.:-]*)=/g;

/**
 * pqready's occurrence context, `key=value` pairs joined by `; ` with the snippet last (so that it may hold
 * anything); undefined for free text (another tool's description of the occurrence).
 */
function contextPairs(text: string): { pairs: Map<string, string>; snippet?: string } | undefined {
  if (!/^[A-Za-z][\w.:-]*=/.test(text)) return undefined;
  const starts = [...text.matchAll(PAIR)];
  const pairs = new Map<string, string>();
  let snippet: string | undefined;
  for (const [i, m] of starts.entries()) {
    const key = m[1]!;
    const from = m.index! + m[0].length;
    if (key === 'snippet') {
      snippet = text.slice(from);
      break;
    }
    const to = starts[i + 1]?.index ?? text.length;
    pairs.set(key, text.slice(from, to));
  }
  return { pairs, ...(snippet !== undefined ? { snippet } : {}) };
}

const OWN_KEYS = new Set(['detector', 'role', 'state', 'origin', 'library', 'note']);

/** Role from the snippet when neither the occurrence nor its component says (older or foreign CBOMs). */
function inferRole(context: string | undefined, roles: readonly string[]): string | undefined {
  if (!context) return undefined;
  const candidates = new Set(roles);
  const guess = /^\s*#\s*define\b|^\s*CONFIG_\w+\s*=\s*[yY1"]/.test(context)
    ? 'config-enable'
    : /^\s*#\s*CONFIG_\w+ is not set|^\s*CONFIG_\w+\s*=\s*n\b|^\s*#\s*undef\b/.test(context)
      ? 'config-disable'
      : /\w\s*\(/.test(context)
        ? 'api-call'
        : undefined;
  return guess && candidates.has(guess) ? guess : undefined;
}

function occurrencesOf(c: Json, props: readonly Property[]): AssetOccurrence[] {
  // Component-level facts: what older pqready CBOMs and a component with one context say for every occurrence.
  const componentStates = [...new Set(values(props, 'pqready:state'))].filter((s) => STATES.has(s));
  const componentRoles = [...new Set(values(props, 'pqready:role'))];
  const single = (list: readonly string[]) => (list.length === 1 ? list[0] : undefined);
  const detectors = [...new Set([...split(props, 'pqready:detectors'), ...values(props, 'pqready:detector')])];
  const origins = [...new Set(values(props, 'pqready:origin'))];
  const libraries = [...new Set(values(props, 'pqready:library'))];
  return arr(obj(c.evidence)?.occurrences).flatMap((o) => {
    const occ = obj(o);
    const location = str(occ?.location);
    if (!occ || !location) return [];
    const text = str(occ.additionalContext);
    const parsed = text ? contextPairs(text) : undefined;
    const own = parsed?.pairs ?? new Map<string, string>();
    const context = parsed ? parsed.snippet : text;
    const ownState = own.get('state');
    const ownRole = own.get('role');
    const state = ownState && STATES.has(ownState) ? ownState : undefined;
    const role =
      (ownRole && ROLES.has(ownRole) ? ownRole : undefined) ??
      single(componentRoles) ??
      inferRole(context, componentRoles);
    const stateValue: OccurrenceState | undefined =
      (state as OccurrenceState | undefined) ??
      (single(componentStates) as OccurrenceState | undefined) ??
      (componentStates.length > 1 ? 'ambiguous' : undefined);
    const factsFrom: AssetOccurrence['factsFrom'] = state
      ? 'occurrence'
      : single(componentStates)
        ? 'component'
        : role && !single(componentRoles) && !ownRole
          ? 'inferred'
          : componentStates.length > 0
            ? 'component'
            : ownRole
              ? 'occurrence'
              : 'none';
    const detector = own.get('detector') ?? single(detectors);
    const origin = own.get('origin') ?? single(origins);
    const library = own.get('library') ?? single(libraries);
    const facts: Record<string, string> = {};
    const unresolved: Record<string, string> = {};
    for (const [k, v] of own) {
      if (OWN_KEYS.has(k)) continue;
      if (k.startsWith('unresolved.')) unresolved[k.slice(11)] = v;
      else facts[k] = v;
    }
    const ref = str(occ['bom-ref']);
    return [
      {
        location,
        ...(num(occ.line) !== undefined ? { line: num(occ.line) } : {}),
        ...(num(occ.offset) !== undefined ? { offset: num(occ.offset) } : {}),
        ...(str(occ.symbol) ? { symbol: str(occ.symbol) } : {}),
        ...(context ? { context } : {}),
        ...(stateValue ? { state: stateValue } : {}),
        ...(role ? { role } : {}),
        ...(detector ? { detector } : {}),
        ...(origin ? { origin } : {}),
        ...(library ? { library } : {}),
        notes: own.get('note')?.split(' | ') ?? [],
        facts,
        unresolved,
        ...(ref ? { findingRef: ref } : {}),
        factsFrom,
      },
    ];
  });
}

/** 1.7 relatedCryptographicAssets: `{ type, ref }` pairs. */
function related(props: Json | undefined): { type?: string; ref: string }[] {
  return arr(props?.relatedCryptographicAssets).flatMap((r) => {
    const o = obj(r);
    const ref = str(o?.ref);
    return ref ? [{ type: str(o?.type), ref }] : [];
  });
}

function assetOf(c: Json, provides: ReadonlyMap<string, string[]>, dependsOn: ReadonlyMap<string, string[]>) {
  const crypto = obj(c.cryptoProperties)!;
  const props = propertiesOf(c);
  const bomRef = str(c['bom-ref']) ?? '';
  const name = str(c.name) ?? bomRef;
  const assetType = str(crypto.assetType) as AssetType;
  const libraries = [...new Set([...values(props, 'pqready:library'), ...(provides.get(bomRef) ?? [])])].sort();
  const base = {
    bomRef,
    name,
    assetType,
    occurrences: occurrencesOf(c, props),
    libraries,
    ...(first(props, 'pqready:quantum-verdict') ? { recordedVerdict: first(props, 'pqready:quantum-verdict') } : {}),
    ...(first(props, 'pqready:verdict-reason') ? { recordedReason: first(props, 'pqready:verdict-reason') } : {}),
    dependsOn: dependsOn.get(bomRef) ?? [],
  };
  switch (assetType) {
    case 'algorithm': {
      const a = obj(crypto.algorithmProperties);
      // What the scanner could not resolve is a fact of each occurrence; the component's algorithm is the same.
      const unresolved = Object.assign({}, ...base.occurrences.map((o) => o.unresolved)) as Record<string, string>;
      const { ref, basis } = algorithmRefOf({
        unresolved,
        name,
        oid: str(crypto.oid),
        pqreadId: first(props, 'pqready:algorithm-id'),
        parameterSetIdentifier: str(a?.parameterSetIdentifier),
        curve: str(a?.curve),
        ellipticCurve: str(a?.ellipticCurve),
        mode: str(a?.mode) === 'other' ? first(props, 'pqready:mode') : str(a?.mode),
      });
      return {
        ...base,
        algorithm: {
          ...(ref ? { ref } : {}),
          refBasis: basis,
          ...(str(a?.primitive) ? { primitive: str(a?.primitive) } : {}),
          ...(str(a?.parameterSetIdentifier) ? { parameterSetIdentifier: str(a?.parameterSetIdentifier) } : {}),
          ...(num(a?.classicalSecurityLevel) !== undefined
            ? { classicalSecurityLevel: num(a?.classicalSecurityLevel) }
            : {}),
          ...(num(a?.nistQuantumSecurityLevel) !== undefined
            ? { nistQuantumSecurityLevel: num(a?.nistQuantumSecurityLevel) }
            : {}),
        },
      } satisfies CryptoAsset;
    }
    case 'certificate': {
      const p = obj(crypto.certificateProperties);
      const rel = related(p);
      const extensions = arr(p?.certificateExtensions).map(obj);
      const extValues = (n: string) =>
        extensions
          .filter((e) => e?.commonExtensionName === n)
          .flatMap((e) => String(e?.commonExtensionValue ?? '').split(/,\s*/))
          .filter(Boolean);
      const fingerprint = str(obj(p?.fingerprint)?.content) ?? first(props, 'pqready:fingerprint-sha256');
      const ca = first(props, 'pqready:ca');
      return {
        ...base,
        certificate: {
          ...(str(p?.subjectName) ? { subject: str(p?.subjectName) } : {}),
          ...(str(p?.issuerName) ? { issuer: str(p?.issuerName) } : {}),
          ...(str(p?.notValidBefore) ? { notBefore: str(p?.notValidBefore) } : {}),
          ...(str(p?.notValidAfter) ? { notAfter: str(p?.notValidAfter) } : {}),
          extendedKeyUsage: [
            ...new Set([...split(props, 'pqready:extended-key-usage'), ...extValues('extendedKeyUsage')]),
          ],
          keyUsage: [...new Set([...split(props, 'pqready:key-usage'), ...extValues('keyUsage')])],
          ...(ca !== undefined ? { ca: ca === 'true' } : {}),
          ...(fingerprint ? { fingerprintSha256: fingerprint.toLowerCase() } : {}),
          ...((str(p?.signatureAlgorithmRef) ?? rel.find((r) => r.type === 'algorithm')?.ref)
            ? { signatureRef: str(p?.signatureAlgorithmRef) ?? rel.find((r) => r.type === 'algorithm')?.ref }
            : {}),
          ...((str(p?.subjectPublicKeyRef) ?? rel.find((r) => r.type === 'publicKey' || r.type === 'public-key')?.ref)
            ? {
                publicKeyRef:
                  str(p?.subjectPublicKeyRef) ??
                  rel.find((r) => r.type === 'publicKey' || r.type === 'public-key')?.ref,
              }
            : {}),
        },
      } satisfies CryptoAsset;
    }
    case 'related-crypto-material': {
      const p = obj(crypto.relatedCryptoMaterialProperties);
      const protectionRef = str(obj(p?.securedBy)?.algorithmRef);
      const algorithmRef =
        str(p?.algorithmRef) ?? related(p).find((r) => r.type === 'algorithm' && r.ref !== protectionRef)?.ref;
      return {
        ...base,
        key: {
          type: str(p?.type) ?? 'unknown',
          ...(num(p?.size) !== undefined ? { sizeBits: num(p?.size) } : {}),
          ...(algorithmRef ? { algorithmRef } : {}),
          ...(protectionRef ? { protectionRef } : {}),
        },
      } satisfies CryptoAsset;
    }
    case 'protocol': {
      const p = obj(crypto.protocolProperties);
      const suites = arr(p?.cipherSuites).map(obj);
      const refs = [
        ...suites.flatMap((s) => arr(s?.algorithms).map(str)),
        ...arr(p?.cryptoRefArray).map(str),
        ...related(p).map((r) => r.ref),
        ...arr(obj(p?.ikev2TransformTypes) && Object.values(obj(p?.ikev2TransformTypes)!).flat()).map(str),
        ...base.dependsOn,
      ].filter((r): r is string => r !== undefined);
      const groups = [
        ...suites.flatMap((s) => arr(s?.tlsGroups).map(str)),
        ...values(props, 'pqready:groups').flatMap((v) => v.split(':')),
      ].filter((g): g is string => !!g);
      const signatureSchemes = [
        ...suites.flatMap((s) => arr(s?.tlsSignatureSchemes).map(str)),
        ...split(props, 'pqready:signature-schemes', /:/),
      ].filter((g): g is string => !!g);
      const version = str(p?.version);
      const versions = split(props, 'pqready:versions');
      // `<directive> <path>`, `; `-separated: a path may hold spaces, a directive does not.
      const references = split(props, 'pqready:references', /;\s*/).flatMap((r) => {
        const at = r.indexOf(' ');
        return at > 0 ? [{ directive: r.slice(0, at), path: r.slice(at + 1) }] : [];
      });
      return {
        ...base,
        protocol: {
          type: first(props, 'pqready:protocol-type') ?? str(p?.type) ?? 'unknown',
          versions: [...new Set(versions.length ? versions : version ? [version] : [])],
          refs: [...new Set(refs)].sort(),
          groups: [...new Set(groups)],
          signatureSchemes: [...new Set(signatureSchemes)],
          // `pqready:flag` (one property per flag) is how CBOMs before the comma-separated `pqready:flags` wrote them.
          flags: [...new Set([...split(props, 'pqready:flags'), ...values(props, 'pqready:flag')])].sort(),
          cipherSuites: suites.flatMap((s) => {
            const name = str(s?.name);
            const algorithms = arr(s?.algorithms).flatMap((a) => str(a) ?? []);
            return name ? [{ name, algorithms }] : [];
          }),
          references,
        },
      } satisfies CryptoAsset;
    }
  }
}

function diagnosticsOf(metadataProps: readonly Property[]): InventoryDiagnostic[] {
  return values(metadataProps, 'pqready:diagnostic').flatMap((v) => {
    try {
      const d = obj(JSON.parse(v));
      if (!d || typeof d.message !== 'string') return [];
      return [
        {
          severity: str(d.severity) ?? 'info',
          message: d.message,
          ...(str(d.code) ? { code: str(d.code) } : {}),
          ...(str(d.path) ? { path: str(d.path) } : {}),
        },
      ];
    } catch {
      return [{ severity: 'info', message: v }];
    }
  });
}

/** Reads CBOM text. `label` names the file in messages (a base name, never an absolute path). */
export function readCbom(text: string, label: string): CbomInventory {
  const { bom, specVersion } = checkEnvelope(parseJson(text, label), label);
  const metadata = obj(bom.metadata);
  const metadataProps = metadata ? propertiesOf(metadata) : [];
  const components = allComponents(bom);

  const bomRefs = new Set<string>();
  const addRef = (o: Json | undefined) => {
    const r = str(o?.['bom-ref']);
    if (r) bomRefs.add(r);
  };
  addRef(obj(metadata?.component));
  for (const c of components) addRef(c);
  for (const s of arr(bom.services)) addRef(obj(s));

  const provides = new Map<string, string[]>();
  const dependsOn = new Map<string, string[]>();
  const byRef = new Map(components.map((c) => [str(c['bom-ref']) ?? '', c]));
  for (const d of arr(bom.dependencies)) {
    const o = obj(d);
    const ref = str(o?.ref);
    if (!ref) continue;
    dependsOn.set(
      ref,
      arr(o?.dependsOn)
        .map(str)
        .filter((r): r is string => !!r),
    );
    const lib = byRef.get(ref);
    const libName = lib ? `${str(lib.name) ?? ref}${str(lib.version) ? ` ${str(lib.version)}` : ''}` : ref;
    for (const p of arr(o?.provides).map(str)) if (p) provides.set(p, [...(provides.get(p) ?? []), libName]);
  }

  const readerNotes: string[] = [];
  const assets: CryptoAsset[] = [];
  const libraries: LibraryComponent[] = [];
  for (const c of components) {
    const crypto = obj(c.cryptoProperties);
    const bomRef = str(c['bom-ref']);
    if (crypto && ASSET_TYPES.has(String(crypto.assetType))) {
      if (!bomRef) {
        readerNotes.push(`component "${str(c.name) ?? '?'}" has no bom-ref: it cannot be cited and is left out`);
        continue;
      }
      assets.push(assetOf(c, provides, dependsOn));
    } else if (c.type === 'library' || c.type === 'framework') {
      if (bomRef)
        libraries.push({
          bomRef,
          name: str(c.name) ?? bomRef,
          ...(str(c.version) ? { version: str(c.version) } : {}),
          provides: [
            ...new Set(
              arr(bom.dependencies).flatMap((d) => (obj(d)?.ref === bomRef ? arr(obj(d)?.provides).map(String) : [])),
            ),
          ],
        });
    }
  }
  for (const a of assets)
    for (const r of [...a.dependsOn, ...(a.protocol?.refs ?? [])])
      if (!bomRefs.has(r)) readerNotes.push(`${a.bomRef} refers to ${r}, which no component defines`);

  const tool = obj(arr(obj(metadata?.tools)?.components)[0]) ?? obj(arr(metadata?.tools)[0]);
  const subject = obj(metadata?.component);
  // The least complete aggregate wins: one part left unexamined makes the whole incomplete.
  const aggregates = arr(bom.compositions).flatMap((x) => str(obj(x)?.aggregate) ?? []);
  const aggregate =
    aggregates.find((a) => a.startsWith('incomplete')) ?? aggregates.find((a) => a !== 'complete') ?? aggregates[0];
  return {
    label,
    specVersion,
    ...(str(bom.serialNumber) ? { serialNumber: str(bom.serialNumber) } : {}),
    ...(str(metadata?.timestamp) ? { timestamp: str(metadata?.timestamp) } : {}),
    ...(tool && str(tool.name)
      ? { producer: { name: str(tool.name)!, ...(str(tool.version) ? { version: str(tool.version) } : {}) } }
      : {}),
    pqready: str(tool?.name) === 'pqready' || metadataProps.some((p) => p.name.startsWith('pqready:')),
    ...(subject && str(subject.name)
      ? {
          subject: {
            name: str(subject.name)!,
            ...(str(subject['bom-ref']) ? { bomRef: str(subject['bom-ref']) } : {}),
            ...(str(subject.version) ? { version: str(subject.version) } : {}),
          },
        }
      : {}),
    ...(first(metadataProps, 'pqready:policy') ? { recordedPolicy: first(metadataProps, 'pqready:policy') } : {}),
    componentCount: components.length,
    assets: assets.sort((a, b) => a.bomRef.localeCompare(b.bomRef)),
    libraries: libraries.sort((a, b) => a.bomRef.localeCompare(b.bomRef)),
    diagnostics: diagnosticsOf(metadataProps),
    bomRefs,
    ...(aggregate ? { aggregate } : {}),
    findingsMarked: assets.some((a) => a.occurrences.some((o) => o.findingRef !== undefined)),
    readerNotes: [...new Set(readerNotes)].sort(),
  };
}

/** Reads a CBOM file; messages name it by its base name so no absolute path leaks into output. */
export function readCbomFile(file: string): CbomInventory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PlanInputError(
      `Could not read CBOM ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}); give the path of a CycloneDX JSON file.`,
    );
  }
  return readCbom(text, path.basename(file));
}
