/**
 * The per-file facts a worker extracts from one C syntax tree. Plain data (structured-clone safe),
 * so syntax trees never leave the worker; only what detection and header resolution need is kept.
 */

/** One term of a branch condition: the `#if` expression text, negated for later branches. */
export interface CondTerm {
  readonly expr: string;
  readonly negate: boolean;
}

/** A preprocessor branch body: byte range plus the conjunction of terms that selects it. */
export interface BranchFact {
  readonly start: number;
  readonly end: number;
  readonly terms: readonly CondTerm[];
  /** An include guard (`#ifndef X` directly followed by `#define X`): always taken. */
  readonly guard?: boolean;
  /**
   * A default (`#ifndef X` / `#define X value`): taken unless X is known to be defined, because a
   * value nobody overrides is the one that builds.
   */
  readonly defaultFor?: string;
}

/** Where something is in the file. */
export interface Site {
  /** UTF-16 offset (tree-sitter index) used for ordering and branch lookup. */
  readonly index: number;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
  /** The trimmed source line. */
  readonly snippet: string;
  /** Indices into `branches` of every branch enclosing the site, outermost first. */
  readonly branches: readonly number[];
  /** Enclosing function name. */
  readonly fn?: string;
}

/** A macro definition; line, column and snippet are 0/'' for names that can never be findings. */
export interface DefineFact extends Site {
  readonly name: string;
  /** Parameter names of a function-like macro; absent for object-like macros. */
  readonly params?: readonly string[];
  readonly body: string;
  /** `#undef` rather than `#define`. */
  readonly undef?: boolean;
}

export interface IncludeFact extends Site {
  /** The include target: a path, or a macro name for computed includes. */
  readonly target: string;
  readonly form: 'quote' | 'angle' | 'macro';
}

export interface CallFact extends Site {
  readonly name: string;
  /** Argument expression texts, in order. */
  readonly args: readonly string[];
  /** The call comes from expanding this function-like macro at the site. */
  readonly expandedFrom?: string;
  /** A function named but not called (function pointer, callback table). */
  readonly reference?: boolean;
}

/**
 * A name with a value expression: enumerators, const variables, local initialisations and assignments.
 * Besides plain names: `*p` for a store through a pointer (an out-parameter), `.f` for a store into a field
 * of any struct (`x.f = v`, `p->f = v`, a designated initialiser `.f = v`).
 */
export interface ValueFact {
  readonly name: string;
  readonly value: string;
  readonly index: number;
  /** Set for locals: only visible inside this function. */
  readonly fn?: string;
  /**
   * Range of the innermost block holding the assignment (braces, a `case`, an `if`/loop body): a use inside
   * that range comes after it on every path; an assignment in a block the use is not in is one of several.
   */
  readonly block?: readonly [number, number];
}

/** A function defined in the file whose body the analysis may follow (it calls or names something known). */
export interface FunctionFact extends Site {
  readonly name: string;
  /** Parameter names in order (`...` for variadic); empty names for unnamed parameters. */
  readonly params: readonly string[];
  /** Range of the whole definition. */
  readonly start: number;
  readonly end: number;
  /** Line of the definition's closing brace. */
  readonly endLine: number;
  readonly isStatic: boolean;
  /** `return` expressions of the body (texts, bounded), with their offsets. */
  readonly returns: readonly { readonly value: string; readonly index: number }[];
}

/** A string literal (adjacent literals joined) that may name protocol algorithms, where data is written. */
export interface StringFact extends Site {
  readonly value: string;
  /** `define`: a macro body; `init`: a variable's initialiser; `table`: inside an initialiser list; `assign`; `return`. */
  readonly context: 'define' | 'init' | 'table' | 'assign' | 'return';
  /** The macro, variable or field (`.f`) written. */
  readonly target?: string;
}

/** Rows of a table of structs (`{ { "gcm", PSA_ALG_GCM }, … }`): each row's top-level elements as written. */
export interface TableFact {
  readonly name: string;
  /** The declared element type (`struct alg_row`, `alg_row_t`), to find the field order. */
  readonly type: string;
  readonly rows: readonly (readonly string[])[];
  readonly index: number;
  /** Field order of a struct declared with the table itself (`static const struct { … } t[] = …`). */
  readonly fields?: readonly string[];
}

/** Field names of a struct definition in order (`struct name` and its typedef names). */
export interface StructFact {
  readonly names: readonly string[];
  readonly fields: readonly string[];
}

/** Identifier elements of a file-scope array initialiser (cipher-suite and group lists). */
export interface ArrayFact {
  readonly name: string;
  readonly elements: readonly string[];
}

/** A function defined in this file whose name is a catalogued crypto API name. */
export interface DefinitionFact extends Site {
  readonly name: string;
  /** The parameter list as written (for signature checks and reports). */
  readonly params: string;
  /** Names of catalogued functions called inside the body. */
  readonly calls: readonly string[];
}

/** A `//#define NAME value` (or single-line block comment) alone on its line: an option switched off by commenting it out. */
export interface CommentedDefineFact extends Site {
  readonly name: string;
  readonly body: string;
}

/** A recognised constant table or literal set. */
export interface ConstantMatch extends Site {
  readonly signature: string;
}

export interface FileDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
}

export interface FileFacts {
  readonly path: string;
  readonly branches: readonly BranchFact[];
  readonly defines: readonly DefineFact[];
  readonly includes: readonly IncludeFact[];
  readonly calls: readonly CallFact[];
  readonly values: readonly ValueFact[];
  readonly arrays: readonly ArrayFact[];
  readonly constants: readonly ConstantMatch[];
  readonly definitions: readonly DefinitionFact[];
  readonly commentedDefines: readonly CommentedDefineFact[];
  readonly functions: readonly FunctionFact[];
  readonly strings: readonly StringFact[];
  readonly tables: readonly TableFact[];
  readonly structs: readonly StructFact[];
  /** Sorted hashes of the names called in the file (prescan `calleeHash`). */
  readonly callees: readonly number[];
  /** The file defines `main`: a program, not part of a library. */
  readonly program: boolean;
  /**
   * Functions of this file its extraction followed on top of the aliases it was given (it calls them; see
   * `extractFacts`), sorted; set when that following came to rest within its rounds, so that extracting the file
   * with these names among its aliases gives these facts again (this field aside). See `alias-history.ts`.
   */
  readonly followedHere?: readonly string[];
  readonly diagnostics: readonly FileDiagnostic[];
}
