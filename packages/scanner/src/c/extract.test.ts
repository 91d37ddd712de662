/**
 * The walk's readers of assignments, calls and function definitions go through the tree cursor and materialise
 * nodes only for rare shapes: these facts pin what each shape yields.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { C_KNOWLEDGE } from '../detectors/c-knowledge.js';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import { listFiles } from './test-support/context.js';

const k = compileExtract(C_KNOWLEDGE.extract);
const corpus = resolve(__dirname, '../../../../fixtures/c');
const facts = (text: string) => extractFacts('t.c', text, k);

describe('extraction of assignments', () => {
  const text = `
static int pick(int *out, struct cfg *c, int fast) {
  int md = MBEDTLS_MD_SHA256;
  char *label = "sha";
  *out = MBEDTLS_MD_SHA384;
  c->alg = MBEDTLS_MD_SHA512;
  (md) = fast ? MBEDTLS_MD_SHA1 : MBEDTLS_MD_MD5;
  int numbers[] = { 1, 2, 3 };
  static const int names[] = { MBEDTLS_MD_SHA256, /* strongest */ MBEDTLS_MD_SHA512 };
  mbedtls_md_info_from_type(md);
  return 0;
}
`;
  const f = facts(text);
  const value = (name: string) => f.values.find((v) => v.name === name);

  it('keeps a declared or assigned name, a store through a pointer and a field store, with the value text', () => {
    expect(value('md')?.value).toBe('MBEDTLS_MD_SHA256');
    expect(value('label')?.value).toBe('"sha"');
    expect(value('*out')?.value).toBe('MBEDTLS_MD_SHA384');
    expect(value('.alg')?.value).toBe('MBEDTLS_MD_SHA512');
    expect(value('*out')?.index).toBe(text.indexOf('*out = '));
  });

  it('keeps a conditional value whole and reads a parenthesised target', () => {
    expect(f.values.filter((v) => v.name === 'md').map((v) => v.value)).toContain(
      'fast ? MBEDTLS_MD_SHA1 : MBEDTLS_MD_MD5',
    );
  });

  it('keeps name lists as arrays and leaves numeric tables to the walk', () => {
    expect(f.arrays).toEqual([{ name: 'names', elements: ['MBEDTLS_MD_SHA256', 'MBEDTLS_MD_SHA512'] }]);
    expect(value('numbers')).toBeUndefined();
  });
});

describe('extraction of calls', () => {
  it('keeps the argument texts without comments, at most 16, each bounded', () => {
    const long = `x${'y'.repeat(600)}`;
    const many = Array.from({ length: 20 }, (_, i) => `a${i}`).join(', ');
    const text = `void f(void) {\n  mbedtls_md_setup(&ctx, /* info */ info, 0);\n  mbedtls_md_setup(${long});\n  mbedtls_md_setup(${many});\n}\n`;
    const calls = facts(text).calls.filter((c) => !c.reference);
    const [setup, longCall, manyCall] = calls.filter((c) => c.name === 'mbedtls_md_setup');
    expect(setup?.args).toEqual(['&ctx', 'info', '0']);
    expect(setup?.index).toBe(text.indexOf('mbedtls_md_setup'));
    expect(longCall?.args).toEqual([long.slice(0, 512)]);
    expect(manyCall?.args).toEqual(Array.from({ length: 16 }, (_, i) => `a${i}`));
  });
});

describe('extraction of function definitions', () => {
  it('reads the name through pointer declarators, the parameters and whether it is static', () => {
    const text = `static unsigned char *digest_of(const unsigned char *in, size_t len) {\n  mbedtls_sha256(in, len, out, 0);\n  return out;\n}\n`;
    const fn = facts(text).functions.find((x) => x.name === 'digest_of');
    expect(fn?.params).toEqual(['in', 'len']);
    expect(fn?.isStatic).toBe(true);
    expect(fn?.index).toBe(text.indexOf('digest_of'));
  });

  it('records the parameter text of a definition with a catalogued name', () => {
    const text =
      'int mbedtls_sha256(const unsigned char *input, size_t ilen, unsigned char *output, int is224) {\n  return 0;\n}\n';
    const def = facts(text).definitions.find((d) => d.name === 'mbedtls_sha256');
    expect(def?.params).toBe('(const unsigned char *input, size_t ilen, unsigned char *output, int is224)');
  });
});

describe('statements the walk passes over', () => {
  it('still reads a #define commented out inside a statement it has no other reason to walk', () => {
    const text = `void f(void) {\n  mbedtls_md_setup(&ctx, info, 0);\n  log_value(a,\n//#define MBEDTLS_SHA256_SMALLER\n      b);\n}\n`;
    expect(facts(text).commentedDefines.map((d) => d.name)).toEqual(['MBEDTLS_SHA256_SMALLER']);
  });

  it('still reads an assignment nested in a condition and a catalogued call among plain statements', () => {
    const text = `int f(void) {\n  int ret;\n  count++;\n  log_value(a, b);\n  if ((ret = mbedtls_md_setup(&ctx, info, 0)) != 0) return ret;\n  return 0;\n}\n`;
    const f = facts(text);
    expect(f.values.find((v) => v.name === 'ret')?.value).toBe('mbedtls_md_setup(&ctx, info, 0)');
    expect(f.calls.filter((c) => !c.reference).map((c) => c.name)).toEqual(['mbedtls_md_setup']);
  });
});

describe('parts of a walked statement the walk passes over', () => {
  const every = { ...k, walkEveryPart: true };
  /** The facts as the walk gives them, and as a walk into every part gives them. */
  const both = (text: string, path = 't.c') => [extractFacts(path, text, k), extractFacts(path, text, every)] as const;

  it('gives the facts of walking into every part, on every C file of the fixture corpus', () => {
    const files = listFiles(corpus).filter((f) => /\.(c|h|inc)$/.test(f.path));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const [passed, walked] = both(new TextDecoder().decode(f.bytes), f.path);
      expect(passed, f.path).toEqual(walked);
    }
  });

  it('still finds what hides in an argument list or a condition: a nested catalogued call, a function pointer, a string, an octal literal, an assignment', () => {
    const text = [
      'static const char *names;',
      'int f(int mode) {',
      '  log_value(mode, wrap(mbedtls_sha256(in, len, out, 0)));',
      '  register_cb(&mbedtls_md_setup, mode);',
      '  if (mode != 0 && mbedtls_md_setup(&ctx, info, 0) == 0) names = "ECDHE-RSA-AES128-GCM-SHA256";',
      '  if (check(mode) >= 0 && (mode <<= 1) > 2) return mbedtls_md_setup(&ctx, info, 0200001);',
      '  return 0;',
      '}',
    ].join('\n');
    const [passed, walked] = both(text);
    expect(passed).toEqual(walked);
    const names = passed.calls.map((c) => `${c.name}${c.reference ? ' (ref)' : ''}`);
    expect(names).toEqual(expect.arrayContaining(['mbedtls_sha256', 'mbedtls_md_setup (ref)', 'mbedtls_md_setup']));
    expect(passed.values.map((v) => v.name)).toEqual(expect.arrayContaining(['names', 'mode']));
  });
});
