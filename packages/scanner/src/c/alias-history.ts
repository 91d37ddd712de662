/**
 * Which files a follow round needs to extract again. Extraction reads the alias names it is given (followed
 * functions, macro aliases) only by asking whether an identifier of the file's own text is one of them (the prescan's
 * marks, the calls and references the walk keeps, the values and returns `follow.ts` reads), and always after asking
 * whether it is a catalogued function. A file's facts are therefore a function of its text and of the aliases its text
 * names, catalogued functions aside. A file naming none of the aliases added (or dropped) since its last extraction
 * comes back with the same facts, and so does one whose only such names are functions it defines and already followed
 * itself (`FileFacts.followedHere`): a round does not extract either again.
 */
import { memoByPair } from './pair-memo.js';
import type { SourceText } from './pool.js';

const IDENT = /[A-Za-z_]\w*/g;

/** Whether the text holds one of the names as an identifier (or inside a longer token: a second look is harmless). */
export function namesAny(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  IDENT.lastIndex = 0;
  for (let m = IDENT.exec(text); m !== null; m = IDENT.exec(text)) {
    if (names.has(m[0])) {
      IDENT.lastIndex = 0;
      return true;
    }
  }
  return false;
}

type Names = ReadonlySet<string>;

/** The alias names each file was last extracted with, and which texts a new set could change. */
export class AliasHistory {
  private readonly last = new Map<string, Names>();
  /** Per earlier set and later set, the names only one of them has (a round asks this of many files). */
  private readonly changed = new WeakMap<Names, WeakMap<Names, Names>>();

  constructor(
    /** The set a file's first extraction had (files are many; rounds revisit few of them). */
    private readonly initial: (path: string) => Names,
    /** Names extraction knows without being told (catalogued functions): being an alias changes nothing for them. */
    private readonly known: { has(name: string): boolean },
  ) {}

  /**
   * The inputs whose facts may differ if extracted with `aliases`; the others become undefined, which extraction
   * skips. `followedHere` gives a file's last facts' `followedHere`. Every input is recorded as extracted with
   * `aliases`: for a skipped one, that set names what its facts were extracted with.
   */
  async *changing(
    inputs: AsyncIterable<SourceText | undefined>,
    aliases: Names,
    followedHere: (path: string) => readonly string[] | undefined,
  ): AsyncGenerator<SourceText | undefined> {
    for await (const input of inputs) {
      if (!input) {
        yield input;
        continue;
      }
      const before = this.last.get(input.path) ?? this.initial(input.path);
      this.last.set(input.path, aliases);
      const changed = this.changedBetween(before, aliases);
      if (!namesAny(input.text, changed)) {
        yield undefined;
        continue;
      }
      const own = followedHere(input.path);
      yield own && !namesAny(input.text, this.withOwn(changed, own, aliases)) ? undefined : input;
    }
  }

  /** The names `changed` has once the file's own followed functions count as given before. */
  private withOwn(changed: Names, own: readonly string[], after: Names): Names {
    const out = new Set(changed);
    for (const n of own) {
      if (after.has(n)) out.delete(n);
      else if (!this.known.has(n)) out.add(n);
    }
    return out;
  }

  private changedBetween(before: Names, after: Names): Names {
    return memoByPair(
      this.changed,
      before,
      after,
      () => new WeakMap(),
      () => {
        const names = new Set<string>();
        for (const n of after) if (!before.has(n) && !this.known.has(n)) names.add(n);
        for (const n of before) if (!after.has(n) && !this.known.has(n)) names.add(n);
        return names;
      },
    );
  }
}
