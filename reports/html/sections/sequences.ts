/**
 * The most frequent query sequences per policy: the raw text agents typed, which is exactly the text
 * that must be escaped (it can hold anything, `<script>` included).
 */
import { SEQUENCE_SEPARATOR } from '../../../analyses/strategy/sequence';
import { prob } from '../../../analyses/stats/format';
import { html, type SafeHtml } from '../escape';
import type { SequenceCount } from '../../data/tables';

/** Renders the table, or nothing when the label stage did not run. */
export function sequencesSection(sequences: readonly SequenceCount[]): SafeHtml {
  if (sequences.length === 0) return html``;
  return html`<section id="query-sequences"><h2>Most frequent query sequences</h2>
<p class="notes">Per family at its largest budget, the query sequences each policy issued most often (the queries as the label stage normalized them, in order, joined here by “ → ”; labels.csv joins them with “ || ”), with how often they occurred and how often the episode was correct.</p>
<table class="sequences"><thead><tr><th>family</th><th>budget</th><th>policy</th><th>query sequence</th><th class="num">episodes</th><th class="num">accuracy</th></tr></thead>
<tbody>${sequences.map(
    (row) =>
      html`<tr><td>${row.family}</td><td>${String(row.budget)}</td><td>${row.policy}</td><td class="sequence">${row.sequence === '' ? '(no query)' : row.sequence.split(SEQUENCE_SEPARATOR).join(' → ')}</td><td class="num">${row.episodes}</td><td class="num">${prob(row.correct / row.episodes)}</td></tr>
`,
  )}</tbody></table></section>`;
}
