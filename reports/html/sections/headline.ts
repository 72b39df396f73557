/**
 * The answer first: per family, the headline sentences (reports/summary/headline.ts), each followed by a
 * link to the figure that shows it; the lead sentence links the terms to the glossary at their first use.
 */
import type { FamilyHeadline } from '../../summary/headline';
import { html, raw, type SafeHtml } from '../escape';
import type { PageFigure } from '../model';
import { termLink } from './glossary';

/** Joins clauses with semicolons, the first letter upper-cased (every clause starts with the report's own wording). */
function capitalized(parts: readonly SafeHtml[]): SafeHtml {
  const text = parts.map((part) => part.value).join('; ');
  return raw(text.charAt(0).toUpperCase() + text.slice(1));
}

/** Renders the headline section; figures not drawn in this report are named without a link. */
export function headlineSection(headlines: readonly FamilyHeadline[], figures: readonly PageFigure[]): SafeHtml {
  const byName = new Map(figures.map((figure) => [figure.name, figure]));
  const link = (name: string | null) => {
    const figure = name === null ? undefined : byName.get(name);
    if (!figure) return html``;
    return figure.status === 'drawn' ? html` (<a href="#fig-${figure.name}">Figure ${figure.number}</a>)` : html` (Figure ${figure.number}, not drawn)`;
  };
  const lead = html`<p class="lead">Does RL expand what the agent can do — its ${termLink('boundary')} — or only make it more reliable? Per task family, this run's answer from ${termLink('passkt')} over k tries and T tool-call rounds, the boundary tests, and the ${termLink('reweighting')} / ${termLink('within')} and ${termLink('retrieval')} / ${termLink('integration')} decompositions (${termLink('tstar')}, where more rounds stop helping, is in Figure 3a).</p>`;
  const clause = (c: FamilyHeadline['comparisons'][number]['clauses'][number]) => html`${c.text}${link(c.figure)}`;
  const body =
    headlines.length === 0
      ? html`<p class="notes">No PASS@(k,T) table or verdicts in this run, so there is no answer to state.</p>`
      : headlines.map(
          (h) => html`<div class="family-headline" data-family="${h.family}"><strong>${h.family}</strong> (${h.budget})<ul>${h.comparisons.map(
            (c) => html`<li><strong>${c.reference === null ? c.compared : `${c.compared} vs ${c.reference}`}</strong>: ${clause(c.clauses[0]!)}.${c.clauses.length > 1 ? html` ${capitalized(c.clauses.slice(1).map(clause))}.` : ''}</li>`,
          )}</ul></div>
`,
        );
  return html`<section id="headline"><h2>The answer</h2>
${lead}
${body}</section>`;
}
