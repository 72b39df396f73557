/**
 * Documents out of a tool result's text: when it is JSON (or a Python literal, as Python agent
 * frameworks print lists of dicts) holding objects with `title` / `id` / `url` / `text` / `snippet` /
 * `content` fields — a list of them, or a list under a common key (`results`, `documents`, `items`…) —
 * each becomes a document, so gold documents can be matched by id or title instead of never.
 */
import type { ResultDoc } from '../../formats/trajectory';
import { parsePythonLiteral } from './python-literal';

/** Keys under which sources nest their list of hits. */
const LIST_KEYS = ['results', 'documents', 'docs', 'items', 'hits', 'passages', 'pages', 'data', 'search_results', 'organic_results'];
const ID_KEYS = ['id', 'doc_id', 'docid', 'page_id'];
const URL_KEYS = ['url', 'link'];
const TEXT_KEYS = ['text', 'snippet', 'content', 'body', 'passage'];
// Larger results are pages of text, not lists of hits; parsing them would only cost time.
const MAX_CHARS = 4 * 1024 * 1024;

/** The documents a tool result holds (none when its text is not structured, or holds no document objects). */
export function resultDocuments(text: string): ResultDoc[] {
  const trimmed = text.trim();
  if (trimmed.length > MAX_CHARS || !/^[[{]/.test(trimmed)) return [];
  return documentsIn(parseStructured(trimmed), true);
}

function parseStructured(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return parsePythonLiteral(text);
  }
}

function documentsIn(value: unknown, top: boolean): ResultDoc[] {
  if (Array.isArray(value)) return value.flatMap((item) => documentOf(item, false) ?? []);
  if (!isObject(value)) return [];
  for (const key of LIST_KEYS) {
    const docs = Array.isArray(value[key]) ? documentsIn(value[key], false) : [];
    if (docs.length > 0) return docs;
  }
  // A lone object is a document only with a title or text: `{"id": 7, "status": "cancelled"}` is a record.
  const single = top ? documentOf(value, true) : undefined;
  return single ? [single] : [];
}

function documentOf(value: unknown, needsContent: boolean): ResultDoc | undefined {
  if (!isObject(value)) return undefined;
  const title = stringField(value, ['title']);
  const id = stringField(value, ID_KEYS) ?? stringField(value, URL_KEYS);
  const text = stringField(value, TEXT_KEYS);
  if (title === undefined && text === undefined && (needsContent || id === undefined)) return undefined;
  return { ...(id !== undefined ? { id } : {}), ...(title !== undefined ? { title } : {}), text: text ?? '' };
}

// The first of the keys holding a string, or an integer (ids are often numbers).
function stringField(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
