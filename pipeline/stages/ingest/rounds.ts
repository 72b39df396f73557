import type { Step } from '../../formats/trajectory';

/**
 * Assigns each call step its round index (0, 1, 2… in order of first appearance) per FORMAT.md: calls
 * sharing a `round` value were issued together; a call without `round` is a round of its own.
 * Returns the index per step (-1 for non-call steps) and the number of rounds.
 */
export function assignRounds(steps: readonly Step[]): { roundOf: number[]; rounds: number } {
  const indexByValue = new Map<number, number>();
  let rounds = 0;
  const roundOf = steps.map((step) => {
    if (step.type !== 'call') return -1;
    if (step.round === undefined) return rounds++;
    const known = indexByValue.get(step.round);
    if (known !== undefined) return known;
    indexByValue.set(step.round, rounds);
    return rounds++;
  });
  return { roundOf, rounds };
}
