import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEVICES } from '../catalog/devices.js';
import { loadDeviceProfile, ProfileError, parseDocument, validateDeviceProfile } from './load.js';
import { DEVICE_PROFILE_SCHEMA } from './schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const demo = path.join(repoRoot, 'fixtures/devices/demo-implant.yaml');

const base = { name: 'x', role: 'implant', core: 'cortex-m4', clockMHz: 64, ramKiB: 256, flashKiB: 1024 };
const message = (value: unknown): string => {
  try {
    validateDeviceProfile(value, 'p.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  throw new Error('expected a ProfileError');
};

describe('device profiles', () => {
  it('loads the demo implant fixture', () => {
    const p = loadDeviceProfile(demo);
    expect(p).toMatchObject({ core: 'cortex-m4', clockMHz: 64, budgets: { bootVerifyMs: 250 } });
  });

  it('names the JSON path and the allowed values for a bad enum', () => {
    expect(message({ ...base, core: 'cortex-m5' })).toBe(
      'Device profile p.yaml has a problem: $.core must be one of cortex-m0plus, cortex-m3, cortex-m4, cortex-m33, cortex-m7, cortex-a53, riscv32, xtensa-lx7, x86_64 (got "cortex-m5").\nSee docs/device-profile.schema.json.',
    );
  });

  it('rejects unknown nested fields, wrong types, out-of-range numbers and missing fields', () => {
    expect(message({ ...base, budgets: { bootVerifyMS: 5 } })).toMatch(
      /^Device profile p\.yaml has a problem: \$\.budgets has an unknown field "bootVerifyMS"; allowed fields: bootVerifyMs, /,
    );
    expect(message({ ...base, clockMHz: '64' })).toMatch(/\$\.clockMHz must be of type number \(got "64"\)/);
    expect(message({ ...base, clockMHz: 0 })).toMatch(/\$\.clockMHz must be > 0 \(got 0\)/);
    const { clockMHz: _drop, ...noClock } = base;
    expect(message(noClock)).toMatch(/\$ is missing the required field "clockMHz"/);
    expect(message([1, 2])).toMatch(/\$ must be of type object/);
  });

  it('reports every mistake at once, each with its JSON path and allowed values', () => {
    const m = message({
      ...base,
      core: 'cortex-m5',
      budgets: { bootVerifyMs: -1, stackKiB: 4 },
      accelerators: { sha256: 'yes' },
    });
    expect(m).toMatch(/^Device profile p\.yaml has 4 problems:\n/);
    expect(m).toMatch(/ {2}- \$\.core must be one of cortex-m0plus, /);
    expect(m).toMatch(/ {2}- \$\.budgets\.bootVerifyMs must be > 0 \(got -1\)/);
    expect(m).toMatch(/ {2}- \$\.budgets has an unknown field "stackKiB"; allowed fields: .*ramKiB/);
    expect(m).toMatch(/ {2}- \$\.accelerators\.sha256 must be true or false, or an object with cyclesPerByte/);
  });

  it('requires only the fields every estimate needs (core, clockMHz)', () => {
    expect(validateDeviceProfile({ core: 'cortex-m4', clockMHz: 64 }, 'min.yaml')).toEqual({
      core: 'cortex-m4',
      clockMHz: 64,
    });
  });

  it('turns unparsable YAML and missing files into ProfileError', () => {
    expect(() => parseDocument('name: [unclosed', 'bad.yaml')).toThrow(/^Could not parse device profile bad\.yaml: /);
    expect(() => parseDocument('{"a":', 'bad.json')).toThrow(ProfileError);
    expect(() => loadDeviceProfile('/nonexistent/profile.yaml')).toThrow(/Could not read device profile .*ENOENT/);
  });

  it('keeps the catalog valid against the schema', () => {
    for (const d of DEVICES) expect(() => validateDeviceProfile(d.profile, d.id)).not.toThrow();
  });

  it('cites a source for each hardware field of each catalog device', () => {
    for (const d of DEVICES) {
      for (const field of ['core', 'clockMHz', 'ramKiB', 'flashKiB', 'accelerators', 'budgets'] as const) {
        expect(d.sources[field], `${d.id}.${field}`).toBeDefined();
      }
    }
  });

  it.skipIf(!existsSync(path.join(repoRoot, 'docs/device-profile.schema.json')))(
    'publishes the schema under docs/',
    () => {
      const published = JSON.parse(readFileSync(path.join(repoRoot, 'docs/device-profile.schema.json'), 'utf8'));
      expect(published).toEqual(JSON.parse(JSON.stringify(DEVICE_PROFILE_SCHEMA)));
    },
  );
});
