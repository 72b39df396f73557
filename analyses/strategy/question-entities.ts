/**
 * The entities a question names, so that `parallel` can tell "queries about different things" from
 * "rewordings about the same thing". An entity is a run of capitalized words or numbers (connectors like
 * "of the" allowed inside); a question written all in lower case falls back to one entity per content term.
 */
import { contentTerms, termKey } from './terms';
import { STOP_WORDS } from './words';

/** A named entity of a question and the keys that identify it. */
export interface QuestionEntity {
  text: string;
  /** Keys of its words (stop words dropped). */
  keys: string[];
}

const CONNECTORS = new Set(['of', 'the', 'de', 'del', 'la', 'le', 'von', 'van', 'der', 'du', 'da', 'di', '&']);
const BREAK = /[,;:?!()[\]{}"“”]+/u;

/** Extracts the entities of a question (see the module comment). */
export function questionEntities(question: string): QuestionEntity[] {
  const entities: QuestionEntity[] = [];
  const plain = question.normalize('NFKD').replace(/\p{M}+/gu, '');
  for (const segment of plain.split(BREAK)) {
    const words = segment.split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
    let run: string[] = [];
    const flush = (): void => {
      while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
      const keys = run.map((word) => word.toLowerCase()).filter((word) => !STOP_WORDS.has(word) && !CONNECTORS.has(word));
      if (keys.length > 0) entities.push({ text: run.join(' '), keys: [...new Set(keys.map(termKey))] });
      run = [];
    };
    for (const word of words) {
      const lower = word.toLowerCase();
      const named = /^[\p{Lu}\p{N}]/u.test(word) && !STOP_WORDS.has(lower);
      if (named) run.push(word);
      else if (run.length > 0 && CONNECTORS.has(lower)) run.push(word);
      else flush();
    }
    flush();
  }
  if (entities.length > 0) return dedupe(entities);
  return contentTerms(question).map((term) => ({ text: term.token, keys: [term.key] }));
}

function dedupe(entities: QuestionEntity[]): QuestionEntity[] {
  const seen = new Set<string>();
  return entities.filter((entity) => {
    const key = entity.keys.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Which entities (by index) a query covers: it contains a key that identifies the entity among the
 * question's entities (a key no other entity has), or all of its keys when it has no such key.
 */
export function coveredEntities(entities: readonly QuestionEntity[], queryKeys: ReadonlySet<string>): number[] {
  const owners = new Map<string, number>();
  for (const entity of entities) for (const key of entity.keys) owners.set(key, (owners.get(key) ?? 0) + 1);
  const covered: number[] = [];
  entities.forEach((entity, index) => {
    const distinctive = entity.keys.filter((key) => owners.get(key) === 1);
    const required = distinctive.length > 0 ? distinctive : entity.keys;
    const hit = distinctive.length > 0 ? required.some((key) => queryKeys.has(key)) : required.every((key) => queryKeys.has(key));
    if (hit) covered.push(index);
  });
  return covered;
}
