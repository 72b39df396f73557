/** The method notes: estimator, budget mode, bootstrap, tests — one paragraph each. */
import { html, type SafeHtml } from '../escape';

/** Renders the method paragraphs. */
export function methodsSection(paragraphs: readonly string[]): SafeHtml {
  return html`<section id="methods"><h2>Method notes</h2>
${paragraphs.map((text) => html`<p>${text}</p>`)}</section>`;
}
