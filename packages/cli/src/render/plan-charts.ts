/**
 * The HTML report's charts as static SVG, drawn by Vega-Lite (https://vega.github.io/vega-lite/) and rendered
 * server-side by Vega's headless view, so the report needs no script or network to show them. Specs are data; the
 * only code is the render call. Vega escapes every text it writes into the SVG.
 */
import type { Plan } from '@pqready/planner';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

interface Chart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
}

const VERDICT_COLORS = {
  domain: ['broken', 'weakened', 'unknown', 'hybrid', 'resistant', 'not-applicable'],
  range: ['#c0392b', '#e67e22', '#7f8c8d', '#2980b9', '#27ae60', '#bdc3c7'],
};
const FIT_COLORS = {
  domain: ['fits', 'tight', 'unknown', 'no-budget', 'does-not-fit', 'unavailable'],
  range: ['#27ae60', '#f1c40f', '#95a5a6', '#bdc3c7', '#c0392b', '#ecf0f1'],
};
const CONFIG = { font: 'sans-serif', view: { stroke: null }, axis: { labelLimit: 260 } };

async function svg(spec: TopLevelSpec): Promise<string> {
  // Vega's own warnings would go to the console of the CLI: errors still throw.
  const quiet = vega.logger(vega.Error);
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none' }).logLevel(
    vega.Error,
  );
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function verdictSpec(plan: Plan): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 420,
    height: 160,
    data: { values: Object.entries(plan.inventory.byVerdict).map(([verdict, findings]) => ({ verdict, findings })) },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'verdict', type: 'nominal', sort: VERDICT_COLORS.domain, title: null },
      x: { field: 'findings', type: 'quantitative', title: 'findings' },
      color: { field: 'verdict', type: 'nominal', scale: VERDICT_COLORS, legend: null },
    },
  };
}

function useCaseSpec(plan: Plan): TopLevelSpec {
  const values = plan.inventory.byUseCase.flatMap((u) => [
    { useCase: u.title, status: 'needs work', findings: u.needingWork },
    { useCase: u.title, status: 'no work', findings: u.findings - u.needingWork },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 420,
    height: { step: 22 },
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'useCase', type: 'nominal', title: null, sort: plan.inventory.byUseCase.map((u) => u.title) },
      x: { field: 'findings', type: 'quantitative', stack: 'zero', title: 'findings' },
      color: {
        field: 'status',
        type: 'nominal',
        scale: { domain: ['needs work', 'no work'], range: ['#c0392b', '#95a5a6'] },
        title: null,
      },
    },
  };
}

/** Use case × candidate for one device: colour = verdict, label = time margin against the budget. */
function fitSpec(plan: Plan, deviceIndex: number): TopLevelSpec {
  const device = plan.devices[deviceIndex]!;
  const values = device.fits.flatMap((u) =>
    u.candidates.map((c) => ({
      useCase: u.id,
      candidate: c.title,
      verdict: c.verdict,
      margin: c.timeMs.margin === undefined ? '' : `${Math.round(c.timeMs.margin * 100)}%`,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    title: `${device.name}: estimate vs budget (label: time margin)`,
    data: { values },
    width: { step: 110 },
    height: { step: 18 },
    encoding: {
      x: { field: 'useCase', type: 'nominal', title: null, axis: { labelAngle: -20 } },
      y: { field: 'candidate', type: 'nominal', title: null, sort: null },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: { color: { field: 'verdict', type: 'nominal', scale: FIT_COLORS, title: 'verdict' } },
      },
      { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'margin', type: 'nominal' } } },
    ],
  };
}

/** Stages as bars from start to end, against the policy dates, CRQC scenarios and device lifetimes. */
function timelineSpec(plan: Plan): TopLevelSpec {
  const stages = plan.stages
    .filter((s) => s.end)
    .map((s) => ({ stage: `${s.id}. ${s.title}`, start: s.start, end: s.end! === s.start ? s.end! : s.end! }));
  const marks = plan.timeline.map((m, k) => ({ date: m.date, label: `${m.date} ${m.label}`, kind: m.policy, row: k }));
  const lastYear = Number((marks.at(-1)?.date ?? plan.referenceDate).slice(0, 4)) + 1;
  const domain = [plan.referenceDate, `${lastYear}-01-01`];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    resolve: { scale: { x: 'independent', color: 'independent' } },
    vconcat: [
      {
        width: 760,
        height: { step: 24 },
        data: { values: stages },
        mark: { type: 'bar', tooltip: true, color: '#2c3e50', minBandSize: 3 } as never,
        encoding: {
          y: { field: 'stage', type: 'nominal', title: null, sort: null },
          x: { field: 'start', type: 'temporal', title: null, scale: { domain } },
          x2: { field: 'end' },
        },
      },
      {
        width: 760,
        height: { step: 14 },
        data: { values: marks },
        encoding: {
          x: {
            field: 'date',
            type: 'temporal',
            title: 'policy dates, CRQC scenarios and device lifetimes',
            scale: { domain },
          },
          y: { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 520 } },
          color: { field: 'kind', type: 'nominal', title: null },
        },
        mark: { type: 'point', filled: true, tooltip: true },
      },
    ],
  };
}

export async function renderPlanCharts(plan: Plan): Promise<Chart[]> {
  const charts: Chart[] = [
    { id: 'chart-verdicts', title: 'Inventory by quantum verdict', svg: await svg(verdictSpec(plan)) },
    { id: 'chart-use-cases', title: 'Inventory by use case', svg: await svg(useCaseSpec(plan)) },
  ];
  for (const [k, d] of plan.devices.entries())
    charts.push({ id: `chart-fit-${k + 1}`, title: `Device fit: ${d.name}`, svg: await svg(fitSpec(plan, k)) });
  charts.push({
    id: 'chart-timeline',
    title: 'Timeline: stages against policy dates',
    svg: await svg(timelineSpec(plan)),
  });
  return charts;
}
