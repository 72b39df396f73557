/** The glossary at the end of the page, and the links to it from a term's first uses. */
import { html, type SafeHtml } from '../escape';

/** The terms a reader needs, in reading order. */
export const GLOSSARY = {
  passkt: {
    term: 'PASS@(k,T)',
    text: 'The share of tasks a policy solves at least once in k independent tries, each allowed at most T tool-call rounds. At k = 1 it measures reliability; at large k it measures what the policy can do at all.',
  },
  boundary: {
    term: 'capability boundary',
    text: 'The tasks a policy solves at least once in n tries (k = n). RL expands the boundary when it solves tasks the base policy never solves significantly more often than the reverse (exact McNemar test, Holm-adjusted over every boundary test of the run).',
  },
  reweighting: {
    term: 'reweighting',
    text: 'The part of an accuracy difference that comes from choosing strategies (search first, search twice in sequence, no search…) in different proportions, with each strategy as accurate as before.',
  },
  within: {
    term: 'within-strategy',
    text: 'The part of an accuracy difference that comes from executing the same strategy more or less accurately.',
  },
  newlost: {
    term: 'new / lost',
    text: 'The part of an accuracy difference that comes from strategies only one of the two policies uses, counted whole: what the compared policy gains from strategies new to it, minus what the reference gets from strategies the compared policy dropped.',
  },
  retrieval: {
    term: 'retrieval',
    text: 'Whether an episode found the evidence it needed (every gold document, or the gold answer, appeared in a tool result); the retrieval term is the part of an accuracy difference due to finding it more often.',
  },
  integration: {
    term: 'integration',
    text: 'Answering correctly given what was retrieved. The integration term has two parts: with the evidence (using what was found better or worse) and without it (answering correctly anyway, from memory or a guess, more or less often).',
  },
  tstar: {
    term: 'T*',
    text: 'The saturation depth: the smallest budget T after which every further tool-call round adds less than a threshold to PASS@(k,T).',
  },
} as const;

/** A glossary entry's key. */
export type GlossaryKey = keyof typeof GLOSSARY;

/** A link from a use of a term to its glossary entry (the term's own text unless `text` is given). */
export function termLink(key: GlossaryKey, text: string = GLOSSARY[key].term): SafeHtml {
  return html`<a class="term" href="#glossary-${key}">${text}</a>`;
}

/** Renders the glossary section. */
export function glossarySection(): SafeHtml {
  const entries = Object.entries(GLOSSARY) as [GlossaryKey, (typeof GLOSSARY)[GlossaryKey]][];
  return html`<section id="glossary"><h2>Glossary</h2>
<dl>${entries.map(([key, entry]) => html`<dt id="glossary-${key}">${entry.term}</dt><dd>${entry.text}</dd>
`)}</dl></section>`;
}
