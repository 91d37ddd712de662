/**
 * Loads tree-sitter and the C grammar (native CommonJS addons, loaded through createRequire so the
 * ESM build and vitest agree) and parses text of any size: large inputs are fed through the
 * callback interface in chunks instead of one buffer.
 */
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';

const require = createRequire(import.meta.url);

export type SyntaxNode = ParserType.SyntaxNode;
export type Tree = ParserType.Tree;

interface Loaded {
  readonly Parser: typeof ParserType;
  readonly language: unknown;
}

let loaded: Loaded | undefined;
let parser: ParserType | undefined;

function load(): Loaded {
  if (!loaded) {
    const Parser = require('tree-sitter') as typeof ParserType;
    const language = require('tree-sitter-c') as unknown;
    loaded = { Parser, language };
  }
  return loaded;
}

const CHUNK = 64 * 1024;

/** Parses C text. One parser per thread, reused: tree-sitter parsers are not thread-safe but are cheap to reuse. */
export function parseC(text: string): Tree {
  const { Parser, language } = load();
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language as ParserType.Language);
  }
  if (text.length <= CHUNK) return parser.parse(text);
  return parser.parse((index: number) => (index < text.length ? text.slice(index, index + CHUNK) : ''), null, {
    bufferSize: CHUNK,
  });
}
