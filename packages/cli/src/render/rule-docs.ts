/**
 * The pages behind the SARIF rules' `helpUri`: docs/rules/<id>.md for each rule and docs/rules/README.md listing
 * them, generated from `sarif/rules.ts` by `pnpm gen:docs` (a test fails when they are stale).
 */
import { SARIF_RULES, type SarifRule } from '../sarif/rules.js';

const HEADER = '<!-- DO NOT EDIT: generated from packages/cli/src/sarif/rules.ts by `pnpm gen:docs`. -->';

function page(rule: SarifRule): string {
  const covers = [
    ...(rule.algorithms?.length
      ? [`Algorithms (catalog ids): ${rule.algorithms.map((a) => `\`${a}\``).join(', ')}.`]
      : []),
    ...(rule.weaknesses?.length ? [`Weaknesses: ${rule.weaknesses.map((w) => `\`${w}\``).join(', ')}.`] : []),
  ];
  return [
    HEADER,
    `# \`${rule.id}\`: ${rule.short}`,
    '',
    `SARIF level \`${rule.level}\`${rule.severity ? `, GitHub security severity ${rule.severity}` : ''}; tags: ${rule.tags.map((t) => `\`${t}\``).join(', ')}.`,
    '',
    '## Why it matters',
    '',
    rule.full,
    '',
    '## What to do',
    '',
    rule.help,
    '',
    ...(covers.length ? ['## What it covers', '', ...covers, ''] : []),
    '## Suppressing it',
    '',
    'When the finding is accepted, say why next to it; the finding stays in every output, marked:',
    '',
    '```c',
    `/* pqready-ignore ${rule.id} -- <why this is acceptable> */`,
    '```',
    '',
    `or in \`pqready.config.yaml\` for files that cannot hold a comment: \`suppress: [{ paths: "certs/*.der", ids: ${rule.id}, reason: "…" }]\`. See [the user guide](../guide.md#suppress-a-finding).`,
    '',
    '## Sources',
    '',
    ...rule.sources.map((s) => `- ${s.title}: ${s.url}`),
    '',
  ].join('\n');
}

export function renderRuleDocs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of SARIF_RULES) out.set(`${rule.id}.md`, page(rule));
  out.set(
    'README.md',
    [
      HEADER,
      '# SARIF rules',
      '',
      'Every result in `pqready scan --format sarif` names one of these rules: the family of the algorithm a quantum',
      'computer breaks, the kind of policy shortfall, or the classical weakness. Their ids are also what',
      '`pqready-ignore` comments and configured suppressions name.',
      '',
      '| Rule | Level | Severity | What |',
      '| --- | --- | --- | --- |',
      ...SARIF_RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.level} | ${r.severity ?? '–'} | ${r.short} |`),
      '',
    ].join('\n'),
  );
  return out;
}
