import { describe, expect, it } from 'vitest';
import { parseCmakeLists, parseCompileCommands, parseMakefile } from './build-flags.js';

const brief = (d: { name: string; value: string; line: number; scope: string; file?: string }) =>
  `${d.line} ${d.name}=${d.value} ${d.scope}${d.file ? ` ${d.file}` : ''}`;

describe('build-file defines', () => {
  it('reads Makefile flags: the build, a conditional block, a recipe line, continuations', () => {
    const text = [
      'CFLAGS += -O2 -DKYBER_K=4 \\',
      '          -DUSE_HW_AES',
      'ifdef LEGACY',
      'CFLAGS += -DMBEDTLS_DES_C',
      'endif',
      'test512: kem.c',
      '\t$(CC) $(CFLAGS) -DKYBER_K=2 -o $@ $<  # one target',
      '# CFLAGS += -DNOT_A_FLAG',
    ].join('\n');
    expect(parseMakefile(text, 'Makefile').map(brief)).toEqual([
      '1 KYBER_K=4 build',
      '1 USE_HW_AES=1 build',
      '4 MBEDTLS_DES_C=1 conditional',
      '7 KYBER_K=2 target',
    ]);
  });

  it('reads CMake definitions, with quotes and inside if()', () => {
    const text = [
      'add_compile_definitions(MBEDTLS_CONFIG_FILE="configs/tls.h")',
      'target_compile_definitions(app PRIVATE -DDILITHIUM_MODE=3 USE_X)',
      'if(LEGACY)',
      '  add_definitions(-DMBEDTLS_MD5_C)',
      'endif()',
      '# add_definitions(-DCOMMENTED)',
    ].join('\n');
    expect(parseCmakeLists(text, 'CMakeLists.txt').map(brief)).toEqual([
      '1 MBEDTLS_CONFIG_FILE="configs/tls.h" build',
      '2 DILITHIUM_MODE=3 build',
      '2 USE_X=1 build',
      '4 MBEDTLS_MD5_C=1 conditional',
    ]);
  });

  it('maps a compilation database to scanned files, also one generated on another machine', () => {
    const text = JSON.stringify(
      [
        { directory: '/scan/root/build', file: '../src/a.c', arguments: ['cc', '-D', 'KYBER_K=3', '-c', 'a.c'] },
        { directory: '/home/dev/product/build', file: '/home/dev/product/src/b.c', command: 'cc -DKYBER_K=4 -c b.c' },
        { directory: '/elsewhere', file: '/elsewhere/not-scanned.c', command: 'cc -DKYBER_K=2 -c x.c' },
      ],
      null,
      2,
    );
    const out = parseCompileCommands(text, 'build/compile_commands.json', '/scan/root', ['src/a.c', 'src/b.c']);
    expect(out instanceof Error ? out.message : out.map(brief)).toEqual([
      '4 KYBER_K=3 build src/a.c',
      '15 KYBER_K=4 build src/b.c',
    ]);
    expect(parseCompileCommands('{', 'compile_commands.json', '/')).toBeInstanceOf(Error);
  });
});
