/** One figure on the page: a live chart (static SVG when scripts are off), caption, notes, downloads. */
import { html, jsonForScript, raw, type SafeHtml } from '../escape';
import type { PageFigure } from '../model';

/** Renders a drawn or skipped figure. */
export function figureBlock(figure: PageFigure): SafeHtml {
  const heading = html`<span class="fig-number">Figure ${figure.number}.</span> ${figure.title}.`;
  if (figure.status === 'skipped') {
    return html`<figure class="skipped" id="fig-${figure.name}" data-figure="${figure.name}" data-status="skipped">
<figcaption>${heading} <em>Not drawn:</em> ${figure.reason}</figcaption></figure>
`;
  }
  return html`<figure id="fig-${figure.name}" data-figure="${figure.name}">
<div class="chart" data-vega-spec="${figure.name}" data-status="pending" role="img" aria-label="${figure.title}"></div>
<noscript>${raw(figure.svg)}</noscript>
<script type="application/json" id="spec-${figure.name}">${raw(jsonForScript(figure.spec))}</script>
<figcaption>${heading} ${figure.caption}</figcaption>
${figure.notes.map((note) => html`<p class="notes">${note}</p>`)}
<p class="downloads"><a href="${figure.name}.vl.json">Vega-Lite spec</a><a href="${figure.name}.svg">SVG</a><a href="${figure.name}.png">PNG</a></p>
</figure>
`;
}
