import { describe, expect, it } from 'vitest';
import { looksLikeMakeFragment, parseMakeAssignments } from './make-vars.js';

const states = (text: string) => parseMakeAssignments(text).map((a) => `${a.name}=${a.value} ${a.state}`);

describe('make assignments', () => {
  it('decides the conditionals the file itself decides, and leaves the others undecided', () => {
    const text = [
      'KEY_ALG := rsa',
      'ifeq ($(KEY_ALG),rsa)',
      'KEY_SIZE := 2048',
      'else ifeq ($(KEY_ALG),ecdsa)',
      'KEY_SIZE := 256',
      'else',
      'KEY_SIZE := 1',
      'endif',
      'ifeq ($(PLAT), fvp)',
      'HASH_ALG := sha384',
      `else ifeq (\${PLAT}, juno)`,
      'HASH_ALG := sha512',
      'else',
      'HASH_ALG := sha256',
      'endif',
    ].join('\n');
    expect(states(text)).toEqual([
      'KEY_ALG=rsa active',
      'KEY_SIZE=2048 active',
      'KEY_SIZE=256 inactive',
      'KEY_SIZE=1 inactive',
      'HASH_ALG=sha384 conditional',
      'HASH_ALG=sha512 conditional',
      'HASH_ALG=sha256 conditional',
    ]);
  });

  it('holds an include guard, substitutes what the file set, and keeps ?= from overriding', () => {
    const text = [
      `ifneq (\${X_MK},1)`,
      'X_MK := 1',
      'ALG ?= ecdsa',
      'ALG ?= rsa',
      'ID := $(ALG)',
      'ifdef ALG',
      'ON := 1',
      'endif',
      'endif',
    ].join('\n');
    expect(states(text)).toEqual([
      'X_MK=1 active',
      'ALG=ecdsa active',
      'ALG=rsa active',
      'ID=ecdsa active',
      'ON=1 active',
    ]);
  });

  it('skips recipe lines, strips comments, and keeps only plain commented-out assignments', () => {
    const text = [
      'all: app',
      '\tSIGN=ECC256 ./sign.sh',
      'HASH = SHA256 # the default',
      '# LEVEL = {2, 3, 5}',
      '# LEVEL=3',
    ].join('\n');
    const got = parseMakeAssignments(text);
    expect(got.map((a) => [a.name, a.value, a.state, a.commented === true])).toEqual([
      ['HASH', 'SHA256', 'active', false],
      ['LEVEL', '3', 'inactive', true],
    ]);
  });

  it('tells a make fragment from a Kconfig fragment and from other text', () => {
    expect(looksLikeMakeFragment('# example\nSIGN?=ECC256\nHASH=SHA256\n')).toBe(true);
    expect(looksLikeMakeFragment('CONFIG_A=y\nCONFIG_B=n\n')).toBe(false);
    expect(looksLikeMakeFragment('[section]\nkey=value\nother=1\n')).toBe(false);
    expect(looksLikeMakeFragment('ONLY=1\n')).toBe(false);
  });
});
