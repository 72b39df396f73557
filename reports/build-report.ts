/**
 * Builds a whole report from loaded data, as files in memory:
 *
 *   data ─► 1. figure builders (Vega-Lite specs, data inline, captions), every figure
 *        ─► 2. render each spec: SVG (vega, headless) and PNG (resvg) — or keep the previous
 *              report's rendering of a figure not asked to be redrawn whose spec is unchanged
 *        ─► 3. the HTML page (headline, key numbers, figures, sequences, methods, provenance,
 *              glossary), drawing the Vega-Lite specs live
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
import { renderSvg } from './render/svg';
import { dataKindLine } from './load/provenance';
import { familyHeadlines } from './summary/headline';
import { boundaryLines, keyNumberRows } from './summary/key-numbers';
import { methodNotes } from './summary/methods';
import { verdictSentences } from './summary/verdicts';
import { decompositionLines } from './summary/decomposition';
import { orderPolicies } from './theme/colors';
import { headlineBudget } from '../analyses/budget';

/** Options of one report build. */
export interface BuildOptions {
  /** Every figure of the page, in page order (already validated against the registry). */
  figures: readonly string[];
  /** Figures rendered anew even when `previous` has them (empty: render every figure). */
  redraw?: ReadonlySet<string>;
  /** The previous report's files of a figure, to keep one that is not redrawn and whose spec is unchanged. */
  previous?: (name: string) => Promise<PreviousFigure | null>;
  paperReference: boolean;
  pngScale: number;
  fonts: FontSetup;
  /** The script builds to inline (vega, vega-lite, vega-embed), in load order. */
  libraries: string[];
  title: string;
}

/** A figure as an earlier report wrote it. */
export interface PreviousFigure {
  spec: string;
  svg: string;
  png: Uint8Array;
}

/** A file of the report. */
export interface ReportFile {
  name: string;
  data: string | Uint8Array;
}

/** The built report. */
export interface BuiltReport {
  files: ReportFile[];
  /** `kept`: not redrawn, the previous report's rendering of the same spec was kept. */
  figures: { name: string; number: string; status: 'drawn' | 'kept' | 'skipped'; reason?: string }[];
  warnings: string[];
}

/** Runs the four steps above. */
export async function buildReport(data: ReportData, registry: FigureRegistry, options: BuildOptions): Promise<BuiltReport> {
  const paperReference = options.paperReference ? loadPaperReference() : null;
  const files: ReportFile[] = [];
  const warnings: string[] = [];
  const pageFigures: PageFigure[] = [];
  const statuses = new Map<string, 'kept'>();

  for (const name of options.figures) {
    const builder = registry.get(name);
    if (!builder) throw new Error(`unknown figure "${name}"`);
    const outcome = builder.build({ data, paperReference });
    const base = { name, number: builder.number, title: builder.title };
    if (outcome.kind === 'skipped') {
      pageFigures.push({ ...base, status: 'skipped', reason: outcome.reason });
      continue;
    }
    const spec = specJson(outcome.spec);
    const redraw = !options.redraw || options.redraw.size === 0 || options.redraw.has(name);
    const previous = redraw || !options.previous ? null : await options.previous(name);
    let svg: string;
    let png: Uint8Array;
    if (previous && previous.spec === spec) {
      ({ svg, png } = previous);
      statuses.set(name, 'kept');
    } else {
      const rendered = await renderSvg(outcome.spec);
      warnings.push(...rendered.warnings.map((warning) => `figure ${name}: ${warning}`));
      svg = rendered.svg;
      png = renderPng(svg, options.fonts, options.pngScale);
    }
    files.push({ name: `${name}.vl.json`, data: spec }, { name: `${name}.svg`, data: svg }, { name: `${name}.png`, data: png });
    pageFigures.push({ ...base, status: 'drawn', caption: outcome.caption, notes: outcome.notes, spec: outcome.spec, svg });
  }

  const model: PageModel = {
    title: options.title,
    dataKindLine: dataKindLine(data.provenance),
    headline: familyHeadlines(data),
    keyNumbers: data.passkt ? keyNumberRows(data.passkt) : [],
    boundaryLines: data.boundary ? boundaryLines(data.boundary) : [],
    verdicts: verdictSentences(data),
    decompositions: data.decomposition ? decompositionLines(data.decomposition) : [],
    figures: pageFigures,
    sequences: headlineSequences(data.sequences ?? []),
    methods: methodNotes(data),
    provenance: data.provenance,
    shortenedNames: data.shortenedNames,
    libraries: options.libraries,
  };
  files.push({ name: 'index.html', data: renderPage(model) });
  return {
    files,
    figures: pageFigures.map((figure) =>
      figure.status === 'drawn'
        ? { name: figure.name, number: figure.number, status: statuses.get(figure.name) ?? 'drawn' }
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
