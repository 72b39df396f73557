/**
 * HotpotQA tasks as the simulator plays them: comparison questions get comparison plans, every other
 * type bridge plans; query words come from the question analysis.
 */
import { questionKeywords } from '../tasks/keywords';
import type { FullTask, SimTask } from '../tasks/sim-task';
import { questionEntities } from './question-analysis';

/** Wraps a loaded HotpotQA task for simulation. */
export function hotpotqaSimTask(row: FullTask): SimTask {
  const keywords = questionKeywords(row.question);
  // A question with no capitalized name is searched by its keywords.
  const found = questionEntities(row.question);
  const entities = found.length > 0 ? found : [keywords];
  const entityWords = new Set(entities.flatMap((e) => e.toLowerCase().split(/\s+/)));
  const relation = keywords
    .split(' ')
    .filter((w) => !entityWords.has(w.toLowerCase()))
    .join(' ');
  return {
    row,
    plans: row.family === 'comparison' ? 'comparison' : 'bridge',
    terms: { question: row.question, keywords, entities, relation, role: relation, attribute: '', type: '' },
  };
}
