/**
 * How search results are shown to a model, and how the simulator server reads them back. One
 * paragraph per line, `Doc i (Title: …) text`, as Search-R1 shows them; in the tags protocol the block
 * is wrapped in <information> … </information>.
 */
import type { TaskDoc } from '../formats/task';

/** The text a model reads for one search: the paragraphs, best first. */
export function formatResults(docs: readonly TaskDoc[]): string {
  return docs.map((doc, i) => `Doc ${i + 1} ${docBody(doc)}`).join('\n');
}

/** The tags protocol's result message. */
export function informationBlock(docs: readonly TaskDoc[]): string {
  return `<information>\n${formatResults(docs)}\n</information>`;
}

/**
 * The corpus positions of the paragraphs a result message shows, in the order shown. Matching is by
 * exact title and text, so a paragraph is found whatever number it was given.
 */
export function shownDocs(content: string, corpus: readonly TaskDoc[]): number[] {
  const found: { index: number; at: number }[] = [];
  corpus.forEach((doc, index) => {
    const at = content.indexOf(docBody(doc));
    if (at !== -1) found.push({ index, at });
  });
  return found.sort((a, b) => a.at - b.at || a.index - b.index).map((entry) => entry.index);
}

function docBody(doc: TaskDoc): string {
  return `(Title: ${doc.title}) ${doc.text}`;
}
