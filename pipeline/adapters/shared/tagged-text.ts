/**
 * Tagged agent text (Search-R1, R1-Searcher) into canonical steps. The text alternates free
 * reasoning, a query block, the documents the search returned and, finally, an answer block; each
 * dialect names its tags and how its documents are laid out.
 */
import type { ResultDoc, Step } from '../../formats/trajectory';

/** The tags and document layout of one tagged-text protocol. */
export interface TagDialect {
  /** Tool name given to the search calls and results. */
  tool: string;
  think: readonly [string, string];
  query: readonly [string, string];
  documents: readonly [string, string];
  answer: readonly [string, string];
  /** Splits a documents block into documents. */
  parseDocs(block: string): ResultDoc[];
}

/** Steps read from tagged text, and what could not be read. */
export interface TaggedEpisode {
  steps: Step[];
  /** The text of the last answer block (trimmed), or null when there is none. */
  answer: string | null;
  calls: number;
  /** An opening tag never closed (the generation was cut off); its remaining text became a think step. */
  unclosed: string | undefined;
}

type Kind = 'think' | 'query' | 'documents' | 'answer';

/** Reads tagged text: text outside blocks and think blocks → think, queries → calls, documents → results. */
export function scanTaggedText(text: string, dialect: TagDialect): TaggedEpisode {
  const kinds: Kind[] = ['think', 'query', 'documents', 'answer'];
  const closers = kinds.map((kind) => dialect[kind][1]);
  const steps: Step[] = [];
  let answer: string | null = null;
  let calls = 0;
  let unclosed: string | undefined;
  const pushThink = (raw: string) => {
    let cleaned = raw;
    // A closing tag without its opener (R1-Searcher's <think> sits in the prompt) is noise, not content.
    for (const closer of closers) cleaned = cleaned.split(closer).join('');
    cleaned = cleaned.trim();
    if (cleaned !== '') steps.push({ type: 'think', text: cleaned });
  };

  let position = 0;
  while (position < text.length) {
    let next: { kind: Kind; at: number } | undefined;
    for (const kind of kinds) {
      const at = text.indexOf(dialect[kind][0], position);
      if (at !== -1 && (next === undefined || at < next.at)) next = { kind, at };
    }
    if (!next) {
      pushThink(text.slice(position));
      break;
    }
    pushThink(text.slice(position, next.at));
    const [open, close] = dialect[next.kind];
    const start = next.at + open.length;
    const end = text.indexOf(close, start);
    if (end === -1) {
      unclosed = open;
      pushThink(text.slice(start));
      break;
    }
    const inner = text.slice(start, end);
    if (next.kind === 'think') pushThink(inner);
    else if (next.kind === 'query') {
      steps.push({ type: 'call', tool: dialect.tool, args: { query: inner.trim() } });
      calls += 1;
    } else if (next.kind === 'documents') {
      const docs = dialect.parseDocs(inner);
      steps.push({ type: 'result', tool: dialect.tool, text: inner.trim(), ...(docs.length > 0 ? { docs } : {}) });
    } else {
      answer = inner.trim();
      steps.push({ type: 'answer', text: answer });
    }
    position = end + close.length;
  }
  return { steps, answer, calls, unclosed };
}

/**
 * Search-R1's documents: `Doc 1(Title: Paris) Paris is the capital…`, one per `Doc i(` line. The rank
 * is not kept as an id: ids are matched against tasks' gold document ids, which ranks are not.
 */
export function parseSearchR1Docs(block: string): ResultDoc[] {
  const docs: ResultDoc[] = [];
  const starts = [...block.matchAll(/(^|\n)\s*Doc (\d+)\(Title: /g)];
  starts.forEach((match, index) => {
    const from = match.index + match[0].length;
    const to = index + 1 < starts.length ? starts[index + 1]!.index : block.length;
    const body = block.slice(from, to);
    // The title is the first line of the passage, so it may itself contain parentheses: it ends at ") ".
    const close = body.search(/\)(\s|$)/);
    const title = close === -1 ? '' : body.slice(0, close).trim();
    const rest = close === -1 ? body : body.slice(close + 1);
    docs.push({ ...(title ? { title } : {}), text: rest.trim() });
  });
  return docs;
}

/** R1-Searcher's documents: `(1)Citibank   Citibank was founded…` — the title ends at the first run of 3 spaces. */
export function parseR1SearcherDocs(block: string): ResultDoc[] {
  const docs: ResultDoc[] = [];
  const starts = [...block.matchAll(/(^|\n)\((\d+)\)/g)];
  starts.forEach((match, index) => {
    const from = match.index + match[0].length;
    const to = index + 1 < starts.length ? starts[index + 1]!.index : block.length;
    const body = block.slice(from, to).trim();
    const gap = body.indexOf('   ');
    const title = gap === -1 ? '' : body.slice(0, gap).trim();
    docs.push({ ...(title ? { title } : {}), text: (gap === -1 ? body : body.slice(gap)).trim() });
  });
  return docs;
}
