/**
 * Cluster features in words, for the cluster stage's description of each cluster: `tool:^>$ +1.1 sd`
 * reads "no tool call", `tool:^>search -1.1 sd` reads "does not search first". The direction of the
 * difference picks the phrase; its size in standard deviations follows in parentheses.
 */

/** Phrases for a numeric behaviour feature: [above the average, below the average]. */
const BEHAVIOUR: Record<string, readonly [string, string]> = {
  calls: ['more tool calls', 'fewer tool calls'],
  search_calls: ['more searches', 'fewer searches'],
  read_calls: ['more reading calls (open, view, look up)', 'fewer reading calls'],
  read_targets: ['reads more distinct pages', 'reads fewer distinct pages'],
  rounds: ['more rounds', 'fewer rounds'],
  results: ['more tool results read', 'fewer tool results read'],
  answered: ['gives a final answer more often', 'gives a final answer less often'],
  calls_per_round: ['more calls at once (parallel)', 'fewer calls at once'],
  repeated_queries: ['repeats queries more', 'repeats queries less'],
  mean_sim_question: ['queries close to the question', 'queries far from the question'],
  mean_sim_previous: ['queries close to the previous one', 'queries unlike the previous one'],
  question_terms: ['more question words in queries', 'fewer question words in queries'],
  result_terms: ['more words from results in queries', 'fewer words from results in queries'],
  bridge_terms: ['more bridge words (found in a result, searched next)', 'fewer bridge words'],
  nowhere_terms: ['more query words from nowhere', 'fewer query words from nowhere'],
  entities_covered_share: ['covers more question entities', 'covers fewer question entities'],
  candidate_in_results: ['a candidate answer shows up in results more often', 'a candidate answer shows up in results less often'],
  candidate_before_last_call: ['finds the answer before its last call more often', 'finds the answer before its last call less often'],
  searched_candidate: ['searches a candidate answer (verifies) more often', 'searches a candidate answer less often'],
};

const tool = (name: string) => (name === '^' ? 'start' : name === '$' ? 'end' : `a ${name} call`);

/** A tool n-gram (`search`, `^>search`, `search>search`, `search>$`, `^>$`) in words, above or below average. */
function ngramWords(ngram: string, above: boolean): string {
  const [first, second] = ngram.split('>');
  if (second === undefined) return above ? `more ${first} calls` : `fewer ${first} calls`;
  if (first === '^' && second === '$') return above ? 'no tool call' : 'calls a tool';
  if (first === '^') return above ? `${second} first` : `not ${second} first`;
  if (second === '$') return above ? `ends with ${tool(first!)}` : `does not end with ${tool(first!)}`;
  return above ? `${first} then ${second} more often` : `${first} then ${second} less often`;
}

/** One distinctive feature of a cluster in words, with its size: `no tool call (1.1 sd)`. */
export function featureWords(feature: string, differenceSd: number): string {
  const above = differenceSd > 0;
  const size = `(${Math.abs(differenceSd).toFixed(1)} sd)`;
  if (feature.startsWith('tool:')) return `${ngramWords(feature.slice(5), above)} ${size}`;
  if (feature.startsWith('query:')) return `query word “${feature.slice(6)}” ${above ? 'more' : 'less'} often ${size}`;
  const phrases = BEHAVIOUR[feature];
  return phrases ? `${phrases[above ? 0 : 1]} ${size}` : `${feature} ${above ? 'higher' : 'lower'} ${size}`;
}
