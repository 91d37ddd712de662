/**
 * The `--fail-on` gate: a small boolean language over what a finding is. Terms are verdicts (`broken`, `weakened`,
 * `unknown`, `hybrid`, `resistant`, `not-applicable`), `classically-weak`, states (`active`, `conditional`, `inactive`, `overridden`,
 * `disabled`), kinds (`algorithm`, `certificate`, `key`, `protocol`), `third-party`, `any`, and
 * `expires-before:YYYY[-MM-DD]` (a certificate whose validity ends before that day), combined with `and`, `or`,
 * `not` and parentheses. Several `--fail-on` flags are joined with `or`. Suppressed findings never count.
 */

export class GateError extends Error {}

export interface GateSubject {
  readonly verdict: string;
  readonly classicallyWeak: readonly string[];
  /** Effective state: `active` for stored objects, `disabled` for a disabling option in effect. */
  readonly state: string;
  readonly kind: string;
  readonly thirdParty: boolean;
  /** Certificates: end of validity (ISO 8601). */
  readonly notAfter?: string;
}

type Node =
  | { readonly op: 'and' | 'or'; readonly left: Node; readonly right: Node }
  | { readonly op: 'not'; readonly operand: Node }
  | { readonly op: 'term'; readonly test: (s: GateSubject) => boolean };

const VERDICTS = ['broken', 'weakened', 'unknown', 'hybrid', 'resistant', 'not-applicable'] as const;
const STATES = ['active', 'conditional', 'inactive', 'overridden', 'disabled'] as const;
const KINDS = ['algorithm', 'certificate', 'key', 'protocol'] as const;
const GATE_TERMS: readonly string[] = [
  ...VERDICTS,
  'classically-weak',
  ...STATES,
  ...KINDS,
  'third-party',
  'any',
  'expires-before:YYYY[-MM-DD]',
];

function term(word: string, expression: string): Node {
  const lower = word.toLowerCase();
  if ((VERDICTS as readonly string[]).includes(lower)) return { op: 'term', test: (s) => s.verdict === lower };
  if ((STATES as readonly string[]).includes(lower)) return { op: 'term', test: (s) => s.state === lower };
  if ((KINDS as readonly string[]).includes(lower)) return { op: 'term', test: (s) => s.kind === lower };
  if (lower === 'classically-weak') return { op: 'term', test: (s) => s.classicallyWeak.length > 0 };
  if (lower === 'third-party') return { op: 'term', test: (s) => s.thirdParty };
  if (lower === 'any') return { op: 'term', test: () => true };
  const expires = /^expires-before:(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(lower);
  if (expires) {
    const day = `${expires[1]}-${expires[2] ?? '01'}-${expires[3] ?? '01'}`;
    const limit = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(limit))
      throw new GateError(
        `--fail-on "${expression}": ${word} is not a date (write expires-before:2030 or expires-before:2030-06-30).`,
      );
    return {
      op: 'term',
      test: (s) => s.notAfter !== undefined && !Number.isNaN(Date.parse(s.notAfter)) && Date.parse(s.notAfter) < limit,
    };
  }
  throw new GateError(
    `--fail-on "${expression}": unknown term "${word}"; use ${GATE_TERMS.join(', ')}, combined with and, or, not and parentheses.`,
  );
}

/** Parses one expression; throws `GateError` with the expression and what is allowed. */
export function parseGate(expression: string): (s: GateSubject) => boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length === 0)
    throw new GateError('--fail-on needs an expression, e.g. --fail-on broken or --fail-on "broken and active".');
  let at = 0;
  const peek = () => tokens[at]?.toLowerCase();
  const fail = (what: string): never => {
    throw new GateError(`--fail-on "${expression}": ${what}.`);
  };
  const primary = (): Node => {
    const t = tokens[at];
    if (t === undefined) return fail('the expression ends too early');
    if (t === '(') {
      at++;
      const inner = or();
      if (tokens[at] !== ')') fail('a parenthesis is not closed');
      at++;
      return inner;
    }
    if (['and', 'or', ')'].includes(t.toLowerCase())) return fail(`"${t}" where a term was expected`);
    if (t.toLowerCase() === 'not') {
      at++;
      return { op: 'not', operand: primary() };
    }
    at++;
    return term(t, expression);
  };
  const and = (): Node => {
    let left = primary();
    while (peek() === 'and') {
      at++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek() === 'or') {
      at++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };
  const tree = or();
  if (at < tokens.length) fail(`unexpected "${tokens[at]}" (join terms with and / or)`);
  const evaluate = (n: Node, s: GateSubject): boolean =>
    n.op === 'term'
      ? n.test(s)
      : n.op === 'not'
        ? !evaluate(n.operand, s)
        : n.op === 'and'
          ? evaluate(n.left, s) && evaluate(n.right, s)
          : evaluate(n.left, s) || evaluate(n.right, s);
  return (s) => evaluate(tree, s);
}

/** Several expressions, joined with `or`. */
export function parseGates(expressions: readonly string[]): ((s: GateSubject) => boolean) | undefined {
  if (expressions.length === 0) return undefined;
  const tests = expressions.map(parseGate);
  return (s) => tests.some((t) => t(s));
}
