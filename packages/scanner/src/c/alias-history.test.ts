import { describe, expect, it } from 'vitest';
import { C_KNOWLEDGE } from '../detectors/c-knowledge.js';
import { AliasHistory, namesAny } from './alias-history.js';
import { extractFacts } from './extract.js';
import { compileExtract } from './extract-knowledge.js';
import type { SourceText } from './pool.js';

async function kept(history: AliasHistory, texts: SourceText[], aliases: string[], own: Record<string, string[]> = {}) {
  async function* inputs() {
    yield* texts;
  }
  const out: string[] = [];
  for await (const t of history.changing(inputs(), new Set(aliases), (p) => own[p])) if (t) out.push(t.path);
  return out;
}

describe('namesAny', () => {
  it('finds a name as an identifier of the text', () => {
    expect(namesAny('x = wrap_sha(a);', new Set(['wrap_sha']))).toBe(true);
    expect(namesAny('x = wrap_sha2(a); /* wrap */', new Set(['wrap_sha']))).toBe(false);
    expect(namesAny('anything', new Set())).toBe(false);
  });
});

describe('AliasHistory', () => {
  const none = { has: () => false };
  const a = { path: 'a.c', text: 'void f(void) { helper(); }' };
  const b = { path: 'b.c', text: 'void g(void) { other(); }' };

  it('sends again only the files naming an alias added since their last extraction', async () => {
    const history = new AliasHistory(() => new Set(['base']), none);
    expect(await kept(history, [a, b], ['base', 'helper'])).toEqual(['a.c']);
    // Recorded: the same set again changes nothing for either.
    expect(await kept(history, [a, b], ['base', 'helper'])).toEqual([]);
    // A dropped alias counts as a change too.
    expect(await kept(history, [a, b], ['other'])).toEqual(['a.c', 'b.c']);
  });

  it('ignores catalogued functions, which extraction knows without being told', async () => {
    const history = new AliasHistory(() => new Set(), { has: (n) => n === 'helper' });
    expect(await kept(history, [a], ['helper'])).toEqual([]);
  });

  it('does not send a file whose only new names are functions it already followed itself', async () => {
    const history = new AliasHistory(() => new Set(), none);
    expect(await kept(history, [a], ['helper'], { 'a.c': ['helper'] })).toEqual([]);
    // One of its own followed functions missing from the new set: its facts could differ.
    const c = { path: 'c.c', text: 'void f(void) { helper(); wrap(); }' };
    expect(await kept(new AliasHistory(() => new Set(), none), [c], ['helper'], { 'c.c': ['helper', 'wrap'] })).toEqual(
      ['c.c'],
    );
  });

  it('rests on extraction giving the same facts once its own followed functions are given as aliases', () => {
    const k = compileExtract(C_KNOWLEDGE.extract);
    const text = `static int digest(mbedtls_md_context_t *ctx, const mbedtls_md_info_t *info) {\n  return mbedtls_md_setup(ctx, info, 0);\n}\nint use(mbedtls_md_context_t *ctx, const mbedtls_md_info_t *info) {\n  return digest(ctx, info);\n}\n`;
    const first = extractFacts('w.c', text, { ...k, aliases: new Set(['other']) });
    expect(first.followedHere).toEqual(['digest']);
    const again = extractFacts('w.c', text, { ...k, aliases: new Set(['other', 'digest']) });
    const { followedHere: _, ...rest } = first;
    expect(again).toEqual(rest);
  });
});
