/**
 * The plan as a submission-ready Markdown document: executive summary, inventory summary, exposure table, staged
 * plan, assumptions, method, policy citations, and an appendix listing every finding. Values that come from scanned
 * files (paths, certificate subjects, snippets) are escaped so they can neither break a table nor inject markup.
 */
import type { Plan, PlanItem } from '@pqready/planner';
import { mdCode, mdText } from './escape.js';

const code = (s: string): string => mdCode(s);
const loc = (path: string, line?: number) => code(`${path}${line !== undefined ? `:${line}` : ''}`);
const pct = (m: number | undefined) => (m === undefined ? '—' : `${Math.round(m * 100)} %`);
const num = (v: number | undefined) =>
  v === undefined ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
const party = (p: string) => p.replace(/-/g, ' ');

function feasibilityLines(i: PlanItem): string[] {
  if (i.feasibility.length === 0) return [];
  return [
    '',
    '| Device | Candidate | Verdict | Time (ms) | Budget (ms) | Margin | Stack | Code | Wire bytes |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...i.feasibility.map(
      (f) =>
        `| ${mdText(f.device)} | ${mdText(f.title ?? f.candidate ?? '—')} | ${f.verdict} | ${num(f.timeMs?.point)} | ${num(f.timeMs?.budget)} | ${pct(f.timeMs?.margin)} | ${f.stackBytes?.point !== undefined ? `${num(f.stackBytes.point / 1024)} KiB (${f.stackBytes.verdict})` : '—'} | ${f.codeBytes?.point !== undefined ? `${num(f.codeBytes.point / 1024)} KiB (${f.codeBytes.verdict})` : '—'} | ${f.wireBytes?.point !== undefined ? `${num(f.wireBytes.point)} (${f.wireBytes.verdict})` : '—'} |`,
    ),
    ...i.feasibility
      .filter((f) => !f.hardwareChange && f.why.length > 0)
      .map((f) => `\n**Bench on ${mdText(f.device)}:** ${mdText(f.why.join('; '))}.`),
    ...i.feasibility
      .filter((f) => f.hardwareChange)
      .map(
        (f) =>
          `\n**Hardware change for ${mdText(f.device)}:** ${mdText(f.hardwareChange!)}.${f.withHashEngine ? ` ${mdText(f.withHashEngine.replace(/^./, (c) => c.toUpperCase()))}.` : ''}`,
      ),
  ];
}

function itemLines(i: PlanItem): string[] {
  const findings = i.findings.flatMap((f) =>
    f.locations.map(
      (l, k) => `${f.findings[k] ?? ''} ${code(f.bomRef)} at ${loc(l.path, l.line)} (${mdText(l.state)})`,
    ),
  );
  const shown = findings.slice(0, 12);
  return [
    `### ${i.id} ${mdText(i.title)}`,
    '',
    `- **Action:** ${mdText(i.action)}`,
    `- **Replacement:** ${mdText(i.replacement.algorithm)}${i.replacement.parameterSet !== '—' ? ` — parameter set ${mdText(i.replacement.parameterSet)}` : ''} (${i.replacement.mode})`,
    ...i.replacement.notes.map((n) => `  - ${mdText(n)}`),
    `- **Deadline:** ${i.deadline.date}${i.deadline.overdue ? ' (overdue)' : ''} — ${mdText(i.deadline.label)} [${i.deadline.sources.map((s) => mdText(s.title)).join('; ')}]`,
    `- **Urgency:** ${i.urgency} · **Effort:** ${i.effort} (${mdText(i.effortReason)})`,
    `- **Responsible:** ${party(i.responsible.primary)}${i.responsible.shared.length ? `, shared with ${i.responsible.shared.map(party).join(', ')}` : ''} (${mdText(i.responsible.basis)})`,
    ...(i.devices.length ? [`- **Devices:** ${i.devices.map(mdText).join(', ')}`] : []),
    ...(i.dependsOn.length ? [`- **Depends on:** ${i.dependsOn.join(', ')}`] : []),
    ...(i.conditions.length ? [`- **Conditions:** ${i.conditions.map(mdText).join('; ')}`] : []),
    `- **Rationale:** ${mdText(i.rationale)}`,
    `- **Findings (${findings.length}):** ${shown.join('; ')}${findings.length > shown.length ? `; and ${findings.length - shown.length} more (appendix, item ${i.id})` : ''}`,
    ...feasibilityLines(i),
    '',
  ];
}

const VERDICT_LABEL: Readonly<Record<string, string>> = {
  'not-applicable': 'not applicable (a setting that names no algorithm)',
};

/** What the counts count: findings (as in the scan's JSON and SARIF), the assets behind them, and their parts. */
function inventorySentence(plan: Plan): string {
  const inv = plan.inventory;
  const what =
    inv.readAs === 'pqready'
      ? `${inv.findings} findings (one per evidence location, the same findings and ids as the scan's JSON report and SARIF) about ${inv.assetsWithFindings} cryptographic assets; ${inv.partAssets} more assets appear only as parts of those findings (the signature algorithm and key of a certificate, the groups and suites a TLS setting names). The CBOM has ${inv.components} components in all, libraries included.`
      : `${inv.findings} findings (evidence occurrences) of ${inv.assets} cryptographic assets in ${inv.components} components; ${inv.partAssets} of those assets are seen only as parts of others.`;
  return `${what} ${inv.inEffect} ${inv.inEffect === 1 ? 'finding is' : 'findings are'} in effect; ${inv.notInEffect} ${inv.notInEffect === 1 ? 'is' : 'are'} not (inactive, disabled, overridden or test code). Read as ${inv.readAs === 'pqready' ? "pqready's own CBOM (its properties used)" : 'a CBOM from another tool (CycloneDX fields only)'}.`;
}

function completenessSentence(plan: Plan): string {
  const inv = plan.inventory;
  const notExamined = inv.diagnostics.filter((d) => d.severity !== 'info').length;
  if (inv.incomplete)
    return `**The inventory is incomplete:** ${notExamined} ${notExamined === 1 ? 'diagnostic says' : 'diagnostics say'} a file or object was not fully examined (listed at the end of the appendix).`;
  if (inv.completeness === 'complete') return 'The CBOM declares the inventory complete.';
  return `Every file of the tree was examined, but the CBOM does not claim completeness (CycloneDX aggregate "${mdText(inv.completeness)}"): a static scan cannot see algorithms chosen at run time or formats it does not decode.`;
}

export function renderPlanMarkdown(plan: Plan): string {
  const inv = plan.inventory;
  const out: string[] = [
    `# Post-quantum cryptography migration plan: ${mdText(plan.subject)}`,
    '',
    `Prepared with pqready ${mdText(plan.tool.version)} on ${plan.referenceDate} from the Cryptography Bill of Materials (CycloneDX CBOM) ${code(inv.file)} (CycloneDX ${inv.specVersion}${inv.producer ? `, produced by ${mdText(inv.producer)}` : ''}${inv.serialNumber ? `, ${code(inv.serialNumber)}` : ''}).`,
    `Policies: ${plan.policy.citations.map((c) => `**${mdText(c.name)}** (${c.status})`).join(', ')}; verdicts judged by ${mdText(plan.policy.verdictPolicyName)}.`,
    '',
    '## Executive summary',
    '',
    ...plan.summary.statements.map((s) => `- ${mdText(s)}`),
    '',
    '| Stage | Items | Ends |',
    '| --- | ---: | --- |',
    ...plan.stages.map((s) => `| ${s.id}. ${mdText(s.title)} | ${s.items.length} | ${s.end ?? '—'} |`),
    '',
    `Urgency: ${Object.entries(plan.summary.byUrgency)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}.`,
    '',
    '## Inventory summary',
    '',
    inventorySentence(plan),
    '',
    '| Verdict | Findings |',
    '| --- | ---: |',
    ...Object.entries(inv.byVerdict).map(([k, v]) => `| ${VERDICT_LABEL[k] ?? k} | ${v} |`),
    '',
    'A finding counts once per use case it serves (a TLS cipher list both exchanges keys and authenticates).',
    '',
    '| Use case | Findings in effect | Not in effect | Need work |',
    '| --- | ---: | ---: | ---: |',
    ...inv.byUseCase.map((u) => `| ${mdText(u.title)} | ${u.findings} | ${u.notInEffect} | ${u.needingWork} |`),
    ...(inv.libraries.length ? ['', `Libraries: ${inv.libraries.map(mdText).join(', ')}.`] : []),
    '',
    completenessSentence(plan),
    ...inv.readerNotes.map((n) => `- Note: ${mdText(n)}`),
    '',
    '## Exposure',
    '',
    `Scenarios (years to a cryptographically relevant quantum computer, CRQC): ${plan.scenarios.map((s) => `${s.id} ${s.years} (${s.crqcYear})${s.primary ? ', dates the plan' : ''}`).join('; ')}.`,
    '',
    `| Use case | Threat | Findings | Need work | Worst verdict | Data classes | ${plan.scenarios.map((s) => mdText(s.id)).join(' | ')} |`,
    `| --- | --- | ---: | ---: | --- | --- | ${plan.scenarios.map(() => '---').join(' | ')} |`,
    ...plan.exposure.map(
      (r) =>
        `| ${mdText(r.title)} | ${r.threat} | ${r.findings} | ${r.needingWork} | ${r.worstVerdict} | ${r.dataClasses.map(mdText).join(', ') || '—'} | ${r.scenarios
          .map((s) => `${s.exposed ? '**exposed**' : 'safe'}: ${mdText(s.why)}`)
          .join(' | ')} |`,
    ),
    '',
    "Confidentiality use cases apply Mosca's inequality to the quantum-vulnerable cryptography among them: exposed when the years the data must stay secret plus the migration time exceed the years to a CRQC. Signature use cases are exposed when a device is still in the field when the CRQC arrives. Findings counted here are those in effect.",
    '',
    '## Staged plan',
    '',
  ];
  for (const s of plan.stages) {
    out.push(
      `## Stage ${s.id}: ${mdText(s.title)}`,
      '',
      `${mdText(s.purpose)} Starts ${s.start}${s.end ? `, ends ${s.end}` : ''}${s.dependsOn.length ? `; after stage ${s.dependsOn.join(', ')}` : ''}.`,
      '',
    );
    if (s.items.length === 0) out.push('No findings call for work in this stage.', '');
    for (const i of s.items) out.push(...itemLines(i));
  }
  out.push(
    '## Devices',
    '',
    '| Device | Core | Clock | RAM | Flash | Accelerators | Ships | Field life | Root of trust | Covers |',
    '| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- | --- |',
    ...plan.devices.map(
      (d) =>
        `| ${mdText(d.name)}${d.id !== d.name ? ` (${mdText(d.id)})` : ''}${d.file ? ` (profile ${code(d.file)})` : ''} | ${d.core} | ${d.clockMHz} MHz | ${d.ramKiB} KiB | ${d.flashKiB} KiB | ${d.accelerators.join(', ') || '—'} | ${d.shipYear} | ${d.fieldLifeYears} y (to ${d.fieldEndYear}) | ${d.rootOfTrust} | ${d.paths.map(code).join(', ') || 'all findings'} |`,
    ),
    ...(plan.devices.length ? [] : ['', 'No device profile was given: feasibility is not checked.']),
    '',
    '## Assumptions',
    '',
    '| Assumption | Value | Origin |',
    '| --- | --- | --- |',
    ...plan.assumptions.map(
      (a) => `| ${mdText(a.label)} | ${mdText(a.value)}${a.note ? ` (${mdText(a.note)})` : ''} | ${mdText(a.origin)} |`,
    ),
    '',
    'Defaults are pqready starting points, not cited facts; override them with a plan configuration file or flags.',
    '',
    '## Method',
    '',
    ...plan.method.map((m) => `- ${mdText(m)}`),
    '',
    '## Policy citations',
    '',
  );
  for (const c of plan.policy.citations) {
    out.push(
      `### ${mdText(c.name)}`,
      '',
      `Version ${mdText(c.version)}; status ${c.status}; binds: ${mdText(c.binds)}; hybrids: ${c.hybrid}.`,
      '',
      ...c.deadlines.map((d) => `- ${d.date} (${d.state}, ${d.scope}): ${mdText(d.label)}`),
      ...c.expectations.map((e) => `- ${mdText(e)}`),
      ...c.sources.map(
        (s) =>
          `- Source: ${mdText(s.title)}${s.url ? ` <${s.url.replace(/[<>]/g, '')}>` : ''}${s.confidence ? ` (${s.confidence})` : ''}`,
      ),
      '',
    );
  }
  out.push(
    '## Sources',
    '',
    ...plan.sources.map((s, k) => `${k + 1}. ${mdText(s.title)}${s.url ? ` <${s.url.replace(/[<>]/g, '')}>` : ''}`),
    '',
  );
  out.push(
    '## Appendix: every finding',
    '',
    '| Id | bom-ref | Asset | Location | State | Verdict | Use cases | Items / not planned |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...plan.findings.map(
      (f) =>
        `| ${f.id} | ${code(f.bomRef)} | ${mdText(f.name)} | ${loc(f.path, f.line)} | ${mdText(f.state)} | ${f.verdict}${f.classicallyWeak.length ? ` (weak: ${f.classicallyWeak.join(', ')})` : ''} | ${f.useCases.join(', ') || '—'} | ${f.items.join(', ')}${f.notPlanned ? `${f.items.length ? '; ' : ''}not planned: ${mdText(f.notPlanned)}` : ''} |`,
    ),
    '',
  );
  if (inv.diagnostics.length)
    out.push(
      '### Diagnostics from the scan',
      '',
      ...inv.diagnostics.map((d) => `- ${d.severity}: ${d.path ? `${code(d.path)} ` : ''}${mdText(d.message)}`),
      '',
    );
  return `${out.join('\n')}\n`;
}
