/**
 * Builds a whole report from loaded data, as files in memory:
 *
 *   data ─► 1. figure builders (Vega-Lite specs, data inline, captions)
 *        ─► 2. render each spec: SVG (vega, headless) and PNG (resvg)
 *        ─► 3. compile each spec for the page's live charts
 *        ─► 4. the HTML page (key numbers, figures, sequences, methods, provenance)
 *
 * Writing the files is the report stage's job.
 */
import { loadPaperReference } from './reference/paper';
import { orderFamilies } from './data/select';
import type { ReportData, SequenceCount } from './data/tables';
import type { FigureRegistry } from './figures/registry';
import type { PageFigure, PageModel } from './html/model';
import { renderPage } from './html/page';
import type { FontSetup } from './render/fonts';
import { renderPng } from './render/png';
import { specJson } from './render/spec-json';
import { compileSpec, renderSvg } from './render/svg';
import { dataKindLine } from './load/provenance';
import { boundaryLines, keyNumberRows } from './summary/key-numbers';
import { methodNotes } from './summary/methods';
import { verdictSentences } from './summary/verdicts';
import { decompositionLines } from './summary/decomposition';
import { orderPolicies } from './theme/colors';
import { headlineBudget } from '../analyses/budget';

/** Options of one report build. */
export interface BuildOptions {
  /** Figure names to draw, in page order (already validated against the registry). */
  figures: readonly string[];
  paperReference: boolean;
  pngScale: number;
  fonts: FontSetup;
  /** The vega build to inline (text of vega.min.js). */
  vegaSource: string;
  title: string;
}

/** A file of the report. */
export interface ReportFile {
  name: string;
  data: string | Uint8Array;
}

/** The built report. */
export interface BuiltReport {
  files: ReportFile[];
  figures: { name: string; number: string; status: 'drawn' | 'skipped'; reason?: string }[];
  warnings: string[];
}

/** Runs the four steps above. */
export async function buildReport(data: ReportData, registry: FigureRegistry, options: BuildOptions): Promise<BuiltReport> {
  const paperReference = options.paperReference ? loadPaperReference() : null;
  const files: ReportFile[] = [];
  const warnings: string[] = [];
  const pageFigures: PageFigure[] = [];

  for (const name of options.figures) {
    const builder = registry.get(name);
    if (!builder) throw new Error(`unknown figure "${name}"`);
    const outcome = builder.build({ data, paperReference });
    const base = { name, number: builder.number, title: builder.title };
    if (outcome.kind === 'skipped') {
      pageFigures.push({ ...base, status: 'skipped', reason: outcome.reason });
      continue;
    }
    const rendered = await renderSvg(outcome.spec);
    warnings.push(...rendered.warnings.map((warning) => `figure ${name}: ${warning}`));
    files.push({ name: `${name}.vl.json`, data: specJson(outcome.spec) });
    files.push({ name: `${name}.svg`, data: rendered.svg });
    files.push({ name: `${name}.png`, data: renderPng(rendered.svg, options.fonts, options.pngScale) });
    pageFigures.push({
      ...base,
      status: 'drawn',
      caption: outcome.caption,
      notes: outcome.notes,
      vegaSpec: compileSpec(outcome.spec),
      svg: rendered.svg,
    });
  }

  const model: PageModel = {
    title: options.title,
    dataKindLine: dataKindLine(data.provenance),
    keyNumbers: data.passkt ? keyNumberRows(data.passkt) : [],
    boundaryLines: data.boundary ? boundaryLines(data.boundary) : [],
    verdicts: verdictSentences(data),
    decompositions: data.decomposition ? decompositionLines(data.decomposition) : [],
    figures: pageFigures,
    sequences: headlineSequences(data.sequences ?? []),
    methods: methodNotes(data),
    provenance: data.provenance,
    vegaSource: options.vegaSource,
  };
  files.push({ name: 'index.html', data: renderPage(model) });
  return {
    files,
    figures: pageFigures.map((figure) =>
      figure.status === 'drawn'
        ? { name: figure.name, number: figure.number, status: 'drawn' }
        : { name: figure.name, number: figure.number, status: 'skipped', reason: figure.reason },
    ),
    warnings,
  };
}

/** The sequences at each family's largest budget, in family and policy order. */
function headlineSequences(rows: readonly SequenceCount[]): SequenceCount[] {
  const out: SequenceCount[] = [];
  for (const family of orderFamilies(rows.map((row) => row.family))) {
    const ofFamily = rows.filter((row) => row.family === family);
    const budget = headlineBudget(ofFamily.map((row) => row.budget));
    for (const policy of orderPolicies(ofFamily.map((row) => row.policy))) {
      out.push(...ofFamily.filter((row) => row.policy === policy && row.budget === budget));
    }
  }
  return out;
}
