/**
 * The report page: one self-contained HTML file (styles, vega build, figure specs and static SVGs all
 * inline) that works opened from disk with no network. A Content-Security-Policy allows only the page's
 * own scripts (by hash) and no connections at all, so even text that escaped escaping could not run or
 * fetch anything.
 */
import { createHash } from 'node:crypto';
import { html, inlineScript, raw, type SafeHtml } from './escape';
import type { PageModel } from './model';
import { FIGURE_RUNTIME } from './runtime';
import { figureBlock } from './sections/figure-block';
import { glossarySection } from './sections/glossary';
import { headlineSection } from './sections/headline';
import { keyNumbersSection } from './sections/key-numbers';
import { methodsSection } from './sections/methods';
import { provenanceSection } from './sections/provenance';
import { sequencesSection } from './sections/sequences';
import { REPORT_CSS } from './style';

const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** Builds the page's HTML text. */
export function renderPage(model: PageModel): string {
  const scripts = [...model.libraries, FIGURE_RUNTIME];
  // vega compiles its expressions with new Function, hence 'unsafe-eval'; inline event handlers stay blocked.
  const csp = `default-src 'none'; script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  const kindClass = `data-kind kind-${model.provenance.kind}`;
  const drawn = model.figures.filter((figure) => figure.status === 'drawn');
  const toc: SafeHtml = html`<ul class="toc">${model.figures.map(
    (figure) => html`<li><a href="#fig-${figure.name}">Figure ${figure.number}</a> ${figure.title}${figure.status === 'skipped' ? ' (not drawn)' : ''}</li>`,
  )}</ul>`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<header class="banner">
<p class="${kindClass}" id="data-kind">${model.dataKindLine}</p>
<h1>${model.title}</h1>
<p class="subtitle">${drawn.length} of ${model.figures.length} figures drawn. Each figure is also saved beside this page as a Vega-Lite spec with its data, an SVG and a PNG, and its menu (…) saves it as SVG or PNG or shows its spec.</p>
</header>
${headlineSection(model.headline, model.figures)}
${keyNumbersSection(model)}
<section id="figures"><h2>Figures</h2>
${toc}
${model.figures.map(figureBlock)}
</section>
${sequencesSection(model.sequences)}
${methodsSection(model.methods)}
${provenanceSection(model.provenance, model.shortenedNames)}
${glossarySection()}
${scripts.map((source) => html`<script>${inlineScript(source)}</script>
`)}
</body>
</html>
`;
  return page.value;
}
