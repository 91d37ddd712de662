/**
 * Rewrites C text before tree-sitter sees it, blanking (same length, newlines kept, so every offset,
 * line and column stays valid) constructs that a preprocessor would remove but that make the C
 * grammar mis-nest or stop:
 * - `extern "C" {` and its `}` inside `#ifdef __cplusplus` blocks: the grammar pairs the brace across
 *   the `#ifdef`, so the whole header lands inside one conditional branch;
 * - export/deprecation annotation macros (`SODIUM_EXPORT`, `WOLFSSL_API`, `OSSL_DEPRECATEDIN_3_0`,
 *   `MBEDTLS_DEPRECATED`, `MBEDTLS_CHECK_RETURN_TYPICAL`) in front of, inside or after a function
 *   declaration, which the grammar reads as a type and then fails on; likewise `__owur`, `__weak`.
 * Only lines outside preprocessor directives are touched; comments and strings are left alone.
 */

const CPLUSPLUS_IF = String.raw`^[ \t]*#[ \t]*if(?:def[ \t]+__cplusplus\b|[ \t]+defined[ \t]*\(?[ \t]*__cplusplus\b)[^\n]*\r?\n`;
const COMMENT_TAIL = String.raw`[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/)?[ \t]*`;
/** A line holding only `extern "C" {` (the `#ifdef __cplusplus` may be lines above, around a `#pragma`). */
const EXTERN_C_OPEN = new RegExp(`^([ \\t]*extern[ \\t]+"C"[ \\t]*\\{)${COMMENT_TAIL}$`, 'my');
const EXTERN_C_CLOSE = new RegExp(`${CPLUSPLUS_IF}([ \\t]*\\}[ \\t]*;?)${COMMENT_TAIL}$`, 'my');
/** Where matches of the two patterns above can begin, up to the blanks opening their line. */
const EXTERN_C = /extern[ \t]+"C"/g;
const CPLUSPLUS_HEAD = /#[ \t]*if(?:def[ \t]+__cplusplus\b|[ \t]+defined[ \t]*\(?[ \t]*__cplusplus\b)/g;

/**
 * `text.replace(anchored-with-g, fn)` for a pattern anchored at a line start, tried only at the line
 * starts before occurrences of `finder` (its first literal part). A line-anchored pattern with a
 * leading `[ \t]*` has no literal prefix, so the engine would otherwise try it at every offset.
 */
function replaceAnchored(text: string, finder: RegExp, anchored: RegExp, fn: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  let replaced = false;
  finder.lastIndex = 0;
  for (let f = finder.exec(text); f; f = finder.exec(text)) {
    let p = f.index;
    while (p > last && (text.charCodeAt(p - 1) === 32 || text.charCodeAt(p - 1) === 9)) p--;
    anchored.lastIndex = p;
    const m = anchored.exec(text);
    if (!m) continue;
    out += text.slice(last, p) + fn(m);
    last = p + m[0].length;
    replaced = true;
    if (finder.lastIndex < last) finder.lastIndex = last;
  }
  return replaced ? out + text.slice(last) : text;
}

/** An all-caps macro name (at least one underscore) in annotation position. */
const ANNOT = '[A-Z][A-Z0-9]*_[A-Z0-9_]*';
const TYPE_WORD = String.raw`(?:const|volatile|unsigned|signed|int|long|short|char|void|float|double|bool|_Bool|static|extern|inline|struct|enum|union|[a-z_]\w*_t|[A-Za-z_]\w*)`;
/** `ANNOT <type> [*] name (` at the start of a line (the declaration may continue on the next line). */
const LEADING = new RegExp(
  String.raw`^([ \t]*)(${ANNOT})(?=\s+${TYPE_WORD}(?:\s+|\s*\*+\s*)(?:${TYPE_WORD}(?:\s+|\s*\*+\s*))*[A-Za-z_]\w*\s*\()`,
  'gm',
);
/** `int ANNOT name(`: the annotation between the return type and the function name. */
const MIDDLE = new RegExp(
  String.raw`(\b(?:int|void|char|size_t|long|unsigned)[ \t]*\*?[ \t]+)(${ANNOT})(?=[ \t]+\*?[A-Za-z_]\w*[ \t]*\()`,
  'g',
);
/** `) ANNOT;` after a prototype; only attribute-like names (`if (x) RETURN_ERROR;` is a statement). */
const TRAILING =
  /(\)[ \t]*)([A-Z][A-Z0-9_]*(?:DEPRECATED|_API|EXPORT|ATTR|NORETURN|WARN_UNUSED|CHECK_RETURN|NONNULL)[A-Z0-9_]*)(?=[ \t]*;)/g;

/** Lower-case attribute macros of common code bases (OpenSSL `__owur`, Linux/Zephyr `__weak`). */
const LOWER_ATTR = /\b(?:__owur|__must_check|__maybe_unused|__weak|__deprecated|__unused)\b(?=[ \t]+[A-Za-z_])/g;

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

/** Names that are real types or storage in common code, never annotations. */
const NOT_ANNOTATION = new Set(['EXPORT_SYMBOL', 'STATIC_ASSERT', 'BUILD_ASSERT']);

function lineIsDirectiveOrContinued(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10) s--;
  let i = s;
  while (i < at && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '#' || text[i] === '*' || (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')))
    return true;
  // A continuation of a macro definition on the previous line.
  let p = s - 1;
  if (p > 0 && text.charCodeAt(p - 1) === 13) p--;
  return p > 0 && text.charCodeAt(p - 1) === 92;
}

/** Same-length text with the constructs above blanked; the input itself when nothing matched. */
export function neutralize(text: string): string {
  if (text.length > 8 * 1024 * 1024) return text;
  let out = text;
  if (out.includes('__cplusplus')) {
    out = replaceAnchored(out, EXTERN_C, EXTERN_C_OPEN, ([m, inner]) => m.replace(inner!, blank(inner!)));
    out = replaceAnchored(out, CPLUSPLUS_HEAD, EXTERN_C_CLOSE, ([m, inner]) => m.replace(inner!, blank(inner!)));
  }
  out = out.replace(LEADING, (m, indent: string, name: string, offset: number) =>
    NOT_ANNOTATION.has(name) || lineIsDirectiveOrContinued(out, offset + indent.length) ? m : indent + blank(name),
  );
  out = out.replace(MIDDLE, (m, head: string, name: string, offset: number) =>
    NOT_ANNOTATION.has(name) || lineIsDirectiveOrContinued(out, offset) ? m : head + blank(name),
  );
  out = out.replace(LOWER_ATTR, (m, offset: number) => (lineIsDirectiveOrContinued(out, offset) ? m : blank(m)));
  out = out.replace(TRAILING, (m, head: string, name: string, offset: number) =>
    lineIsDirectiveOrContinued(out, offset) ? m : head + blank(name),
  );
  return out;
}
