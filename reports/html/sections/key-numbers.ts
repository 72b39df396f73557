/** The "Key numbers" section: PASS at k = 1 and k = n per family and policy, the boundary, verdicts, decompositions. */
import { html, type SafeHtml } from '../escape';
import type { PageModel } from '../model';

/** Renders the key numbers, or a note when PASS@(k,T) was not computed. */
export function keyNumbersSection(model: PageModel): SafeHtml {
  const table =
    model.keyNumbers.length === 0
      ? html`<p class="notes">No PASS@(k,T) table in this run (the passkt stage did not run).</p>`
      : html`<table class="key-numbers">
<thead><tr><th>family</th><th>budget</th><th>policy</th><th>pass@1 [95% CI]</th><th>pass@n [95% CI]</th><th class="num">n</th><th class="num">tasks</th></tr></thead>
<tbody>${model.keyNumbers.map(
          (row) =>
            html`<tr><td>${row.family}</td><td>${row.budget}</td><td>${row.policy}</td><td class="mono">${row.passAt1}</td><td class="mono">${row.passAtN}</td><td class="num">${row.n}</td><td class="num">${row.tasks}</td></tr>
`,
        )}</tbody></table>`;
  const boundary =
    model.boundaryLines.length === 0
      ? html``
      : html`<h3>Capability boundary (tasks solved at least once in n samples)</h3>
<ul class="boundary">${model.boundaryLines.map((line) => html`<li><strong>${line.family}</strong>: ${line.text}</li>`)}</ul>`;
  const verdicts =
    model.verdicts.length === 0 ? html`` : html`<h3>Verdicts</h3><ul class="verdicts">${model.verdicts.map((v) => html`<li>${v}</li>`)}</ul>`;
  const decompositions =
    model.decompositions.length === 0
      ? html``
      : html`<h3>Accuracy difference a − b, symmetric (Shapley) shift-share decomposition (as Figure 6a)</h3><ul class="decompositions">${model.decompositions.map((d) => html`<li>${d}</li>`)}</ul>`;
  return html`<section id="key-numbers"><h2>Key numbers</h2>
${table}${boundary}${verdicts}${decompositions}</section>`;
}
