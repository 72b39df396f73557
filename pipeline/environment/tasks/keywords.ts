/**
 * The keyword form of a question: its words without stop words or punctuation, case kept
 * ("What is the nationality of the director of Silent Harbor?" → "nationality director Silent Harbor").
 */
import { SEARCH_STOP_WORDS } from '../search/tokenize';

/** Keywords of a question, in order, case kept. */
export function questionKeywords(question: string): string {
  return question
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((word) => word && !SEARCH_STOP_WORDS.has(word.toLowerCase()))
    .join(' ');
}
