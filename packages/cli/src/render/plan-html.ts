/**
 * The plan as one self-contained HTML file: opens offline, no external resource, charts as inline SVG
 * (plan-charts.ts), a sortable and filterable findings table, and the staged plan. Every value is escaped with
 * `html()`; the page script only reads the DOM (no data in script text), so a certificate subject holding
 * `<script>` stays text.
 */
import type { Plan, PlanItem } from '@pqready/planner';
import { htmlText } from './escape.js';
import { renderPlanCharts } from './plan-charts.js';

const html = htmlText;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1f2d3d;background:#fafbfc}
header{background:#1f2d3d;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
main{padding:12px 28px 40px;max-width:1280px}section{margin:22px 0}h2{border-bottom:2px solid #dfe4ea;padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #dfe4ea;border-radius:6px;padding:10px 14px;min-width:120px}
.card b{display:block;font-size:22px}figure{background:#fff;border:1px solid #dfe4ea;border-radius:6px;padding:10px;margin:10px 0;overflow-x:auto}
figcaption{font-weight:600;margin-bottom:6px}table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #dfe4ea;padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f1f3f6;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
code{font-size:12px;word-break:break-all}.item{background:#fff;border:1px solid #dfe4ea;border-left:5px solid #95a5a6;border-radius:6px;padding:8px 14px;margin:10px 0}
.u-immediate{border-left-color:#c0392b}.u-high{border-left-color:#e67e22}.u-medium{border-left-color:#f1c40f}.u-low{border-left-color:#27ae60}
.v-broken{color:#c0392b;font-weight:600}.v-weakened{color:#e67e22}.v-resistant{color:#27ae60}.v-hybrid{color:#2980b9}.v-not-applicable{color:#6b7785}
.filters{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0}.filters input,.filters select{padding:4px 6px}
details summary{cursor:pointer}.muted{color:#6b7785}
`;

/** Sorts on a header click and filters rows by text, verdict and state; reads only the DOM. */
const SCRIPT = `
(function(){
  var table=document.getElementById('findings');if(!table)return;
  var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
  var text=document.getElementById('filter-text'),verdict=document.getElementById('filter-verdict'),state=document.getElementById('filter-state'),count=document.getElementById('filter-count');
  function apply(){var q=text.value.toLowerCase(),v=verdict.value,s=state.value,n=0;
    rows.forEach(function(r){var ok=(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(!v||r.getAttribute('data-verdict')===v)&&(!s||r.getAttribute('data-state')===s);r.hidden=!ok;if(ok)n++;});
    count.textContent=n+' of '+rows.length+' findings';}
  [text,verdict,state].forEach(function(el){el.addEventListener('input',apply);});
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){th.addEventListener('click',function(){
    var asc=th.getAttribute('aria-sort')!=='ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells,function(o){o.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-sort')||a.cells[col].textContent,y=b.cells[col].getAttribute('data-sort')||b.cells[col].textContent;
      return (asc?1:-1)*x.localeCompare(y,undefined,{numeric:true});});
    rows.forEach(function(r){body.appendChild(r);});});});
  apply();
})();
`;

function itemHtml(i: PlanItem): string {
  const locs = i.findings.flatMap((f) =>
    f.locations.map(
      (l, k) =>
        `<li>${html(f.findings[k])} <code>${html(f.bomRef)}</code> at <code>${html(l.path)}${l.line !== undefined ? `:${html(l.line)}` : ''}</code> (${html(l.state)})</li>`,
    ),
  );
  const fit = i.feasibility.length
    ? `<table><thead><tr><th>Device</th><th>Candidate</th><th>Verdict</th><th>Time ms</th><th>Budget ms</th><th>Margin</th></tr></thead><tbody>${i.feasibility
        .map(
          (f) =>
            `<tr><td>${html(f.device)}</td><td>${html(f.title ?? f.candidate)}</td><td>${html(f.verdict)}</td><td>${html(f.timeMs?.point?.toFixed(1))}</td><td>${html(f.timeMs?.budget)}</td><td>${f.timeMs?.margin === undefined ? '' : `${Math.round(f.timeMs.margin * 100)} %`}</td></tr>${f.hardwareChange ? `<tr><td colspan="6"><b>Hardware change:</b> ${html(f.hardwareChange)}${f.withHashEngine ? `. ${html(f.withHashEngine.replace(/^./, (c) => c.toUpperCase()))}` : ''}</td></tr>` : f.why.length ? `<tr><td colspan="6"><span class="muted">Bench: ${html(f.why.join('; '))}</span></td></tr>` : ''}`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<div class="item u-${html(i.urgency)}" id="${html(i.id)}">
<h4>${html(i.id)} ${html(i.title)}</h4>
<p>${html(i.action)}</p>
<p><b>Replacement:</b> ${html(i.replacement.algorithm)} (${html(i.replacement.parameterSet)}, ${html(i.replacement.mode)})${i.replacement.notes.map((n) => `<br><span class="muted">${html(n)}</span>`).join('')}</p>
<p><b>Deadline:</b> ${html(i.deadline.date)}${i.deadline.overdue ? ' (overdue)' : ''}: ${html(i.deadline.label)} <span class="muted">[${html(i.deadline.sources.map((s) => s.title).join('; '))}]</span><br>
<b>Urgency</b> ${html(i.urgency)} · <b>Effort</b> ${html(i.effort)} (${html(i.effortReason)}) · <b>Responsible</b> ${html(i.responsible.primary)}${i.responsible.shared.length ? ` with ${html(i.responsible.shared.join(', '))}` : ''}${i.dependsOn.length ? ` · <b>Depends on</b> ${i.dependsOn.map((d) => `<a href="#${html(d)}">${html(d)}</a>`).join(', ')}` : ''}</p>
${i.conditions.length ? `<p><b>Conditions:</b> ${html(i.conditions.join('; '))}</p>` : ''}
<p><i>${html(i.rationale)}</i></p>
${fit}
<details><summary>${locs.length} findings</summary><ul>${locs.join('')}</ul></details>
</div>`;
}

export async function renderPlanHtml(plan: Plan): Promise<string> {
  const charts = await renderPlanCharts(plan);
  const inv = plan.inventory;
  const cards = [
    ['findings', inv.findings],
    ['need work', inv.findings - plan.findings.filter((f) => f.notPlanned).length],
    ['plan items', plan.summary.items],
    ['immediate', plan.summary.byUrgency.immediate],
    ['nothing fits', plan.summary.nothingFits],
    ['first deadline', plan.summary.earliestDeadline ?? '—'],
  ];
  const verdicts = ['broken', 'weakened', 'unknown', 'hybrid', 'resistant', 'not-applicable'];
  const states = [...new Set(plan.findings.map((f) => f.state))].sort();
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>PQC migration plan: ${html(plan.subject)}</title><style>${STYLE}</style></head>
<body><header><h1>Post-quantum migration plan: ${html(plan.subject)}</h1>
<div>pqready ${html(plan.tool.version)} · reference date ${html(plan.referenceDate)} · CBOM <code>${html(inv.file)}</code> (CycloneDX ${html(inv.specVersion)}) · policies ${html(plan.policy.citations.map((c) => c.name).join(', '))}</div></header>
<main>
<section><h2>Executive summary</h2><div class="cards">${cards.map(([k, v]) => `<div class="card"><b>${html(v)}</b>${html(k)}</div>`).join('')}</div>
<ul>${plan.summary.statements.map((s) => `<li>${html(s)}</li>`).join('')}</ul></section>
<section><h2>Charts</h2>${charts.map((c) => `<figure id="${html(c.id)}"><figcaption>${html(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}</section>
<section><h2>Exposure</h2><table><thead><tr><th>Use case</th><th>Threat</th><th>Findings</th><th>Need work</th><th>Worst</th><th>Data classes</th>${plan.scenarios.map((s) => `<th>${html(s.id)} (${html(s.crqcYear)})</th>`).join('')}</tr></thead><tbody>
${plan.exposure.map((r) => `<tr><td>${html(r.title)}</td><td>${html(r.threat)}</td><td>${r.findings}</td><td>${r.needingWork}</td><td class="v-${html(r.worstVerdict)}">${html(r.worstVerdict)}</td><td>${html(r.dataClasses.join(', '))}</td>${r.scenarios.map((s) => `<td>${s.exposed ? '<b>exposed</b>' : 'safe'}: ${html(s.why)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table></section>
<section><h2>Staged plan</h2>
${plan.stages.map((s) => `<h3>Stage ${s.id}: ${html(s.title)}</h3><p class="muted">${html(s.purpose)} Starts ${html(s.start)}${s.end ? `, ends ${html(s.end)}` : ''}.</p>${s.items.length ? s.items.map(itemHtml).join('\n') : '<p>No findings call for work in this stage.</p>'}`).join('\n')}
</section>
<section><h2>Findings</h2>
<div class="filters"><input id="filter-text" type="search" placeholder="filter text" aria-label="filter text">
<select id="filter-verdict" aria-label="verdict"><option value="">all verdicts</option>${verdicts.map((v) => `<option>${v}</option>`).join('')}</select>
<select id="filter-state" aria-label="state"><option value="">all states</option>${states.map((s) => `<option>${html(s)}</option>`).join('')}</select>
<span id="filter-count" class="muted"></span></div>
<table id="findings"><thead><tr><th>Id</th><th>Asset</th><th>Location</th><th>State</th><th>Verdict</th><th>Use cases</th><th>Items</th><th>bom-ref</th></tr></thead><tbody>
${plan.findings
  .map(
    (f) =>
      `<tr data-verdict="${html(f.verdict)}" data-state="${html(f.state)}"><td>${html(f.id)}</td><td>${html(f.name)}</td><td data-sort="${html(f.path)}:${String(f.line ?? 0).padStart(8, '0')}"><code>${html(f.path)}${f.line !== undefined ? `:${html(f.line)}` : ''}</code></td><td>${html(f.state)}</td><td class="v-${html(f.verdict)}">${html(f.verdict)}${f.classicallyWeak.length ? ` (weak: ${html(f.classicallyWeak.join(', '))})` : ''}</td><td>${html(f.useCases.join(', '))}</td><td>${f.items.length ? html(f.items.join(', ')) : `<span class="muted">${html(f.notPlanned ?? '')}</span>`}</td><td><code>${html(f.bomRef)}</code></td></tr>`,
  )
  .join('\n')}
</tbody></table></section>
<section><h2>Assumptions</h2><table><thead><tr><th>Assumption</th><th>Value</th><th>Origin</th></tr></thead><tbody>
${plan.assumptions.map((a) => `<tr><td>${html(a.label)}</td><td>${html(a.value)}${a.note ? ` <span class="muted">(${html(a.note)})</span>` : ''}</td><td>${html(a.origin)}</td></tr>`).join('\n')}
</tbody></table></section>
<section><h2>Method</h2><ul>${plan.method.map((m) => `<li>${html(m)}</li>`).join('')}</ul></section>
<section><h2>Policy citations</h2>${plan.policy.citations
    .map(
      (c) =>
        `<h3>${html(c.name)}</h3><p class="muted">version ${html(c.version)} · ${html(c.status)} · binds: ${html(c.binds)}</p><ul>${c.deadlines.map((d) => `<li>${html(d.date)} (${html(d.state)}): ${html(d.label)}</li>`).join('')}${c.expectations.map((e) => `<li>${html(e)}</li>`).join('')}</ul>`,
    )
    .join('\n')}
<h3>Sources</h3><ol>${plan.sources.map((s) => `<li>${html(s.title)}${s.url ? ` — <code>${html(s.url)}</code>` : ''}</li>`).join('')}</ol></section>
</main><script>${SCRIPT}</script></body></html>
`;
}
