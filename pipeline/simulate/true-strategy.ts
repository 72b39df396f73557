/**
 * The true strategy of a played episode, by TAXONOMY.md's definitions and precedence, computed from
 * what the simulator knows about each query's words (so it needs no text heuristics):
 * exhausted > no-search > verify > sequential > parallel > reformulate > single-shot.
 */
import { normalizeAnswer } from '../../analyses/text/normalize';
import type { QueryRecord } from './episode-recorder';
import type { Strategy } from './strategies';

/** The label of an episode from its queries and final answer. */
export function trueStrategy(queries: readonly QueryRecord[], answer: string | null): Strategy {
  if (answer === null) return 'exhausted';
  if (queries.length === 0) return 'no-search';
  const final = normalizeAnswer(answer);
  if (queries.some((q) => q.candidate !== null && normalizeAnswer(q.candidate) === final)) return 'verify';
  if (queries.some((q) => q.fromResult)) return 'sequential';
  if (queries.length >= 2 && coverDifferentEntities(queries)) return 'parallel';
  if (queries.length >= 2) return 'reformulate';
  return 'single-shot';
}

// Two queries each naming a question entity the other does not: "A" and "B", not "A or B" then "A".
function coverDifferentEntities(queries: readonly QueryRecord[]): boolean {
  for (let i = 0; i < queries.length; i++) {
    for (let j = i + 1; j < queries.length; j++) {
      const a = queries[i]!.covers;
      const b = queries[j]!.covers;
      if (a.some((e) => !b.includes(e)) && b.some((e) => !a.includes(e))) return true;
    }
  }
  return false;
}
