import { describe, expect, it } from 'vitest';
import { C_KNOWLEDGE } from '../detectors/c-knowledge.js';
import { parseCmakeSets } from './cmake.js';
import { cmakeFindings } from './config-findings.js';

describe('CMake option reader', () => {
  it('reads set() lines with quoted and bare values, skipping comments', () => {
    const text = [
      '# set(MCUBOOT_SIGNATURE_TYPE "RSA-2048")',
      'set(MCUBOOT_SIGNATURE_TYPE "RSA-3072" CACHE STRING "sig")',
      'set(MCUBOOT_ENC_IMAGES OFF CACHE BOOL "enc")',
      'message(STATUS "not a set")',
    ].join('\n');
    const entries = parseCmakeSets(text);
    expect(entries.map((e) => [e.name, e.value, e.line])).toEqual([
      ['MCUBOOT_SIGNATURE_TYPE', 'RSA-3072', 2],
      ['MCUBOOT_ENC_IMAGES', 'OFF', 3],
    ]);
    expect(cmakeFindings(entries, 'config_base.cmake', C_KNOWLEDGE.options).map((f) => [f.role, f.algorithm])).toEqual([
      ['config-enable', { id: 'rsa-pss', keyBits: 3072, hash: 'sha-256' }],
      ['config-disable', { id: 'aes', mode: 'ctr' }],
    ]);
  });

  it('keeps an unexpected signature type as unresolved instead of guessing', () => {
    const f = cmakeFindings(parseCmakeSets('set(MCUBOOT_SIGNATURE_TYPE "LMS")'), 'config.cmake', C_KNOWLEDGE.options);
    expect(f.map((x) => x.algorithm)).toEqual([{ id: 'unknown', parameterSet: 'MCUBOOT_SIGNATURE_TYPE=LMS' }]);
  });
});
