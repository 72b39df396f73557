import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_TERMS, attributionTerms, type SwapGrid } from '../../../analyses/experiments/attribution';
import { createRng } from '../../../analyses/random/rng';

// The Shapley value of a 2-player game by enumerating both orders: v(∅) = BB, v({plan}) = AB, v({reasoning}) = BA, v(both) = AA.
function shapley(grid: SwapGrid): { plan: number[]; reasoning: number[] } {
  const value = (plan: boolean, reasoning: boolean) => (plan ? (reasoning ? grid.AA : grid.AB) : reasoning ? grid.BA : grid.BB);
  const orders = [['plan', 'reasoning'], ['reasoning', 'plan']] as const;
  const marginal = { plan: [] as number[], reasoning: [] as number[] };
  for (const order of orders) {
    const has = { plan: false, reasoning: false };
    for (const player of order) {
      const before = value(has.plan, has.reasoning);
      has[player] = true;
      marginal[player].push(value(has.plan, has.reasoning) - before);
    }
  }
  return marginal;
}

describe('attributionTerms', () => {
  it('equals the marginal contributions of both orders and their average (the Shapley value), and adds up to the total', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 200; trial++) {
      const grid = { AA: rng.next(), AB: rng.next(), BA: rng.next(), BB: rng.next() };
      const terms = Object.fromEntries(ATTRIBUTION_TERMS.map(([component, order], i) => [`${component}/${order}`, attributionTerms(grid)[i]!]));
      const { plan, reasoning } = shapley(grid);
      expect(terms['total/none']).toBeCloseTo(grid.AA - grid.BB, 12);
      expect(terms['plan/plan_first']).toBeCloseTo(plan[0]!, 12);
      expect(terms['reasoning/plan_first']).toBeCloseTo(reasoning[0]!, 12);
      expect(terms['reasoning/reasoning_first']).toBeCloseTo(reasoning[1]!, 12);
      expect(terms['plan/reasoning_first']).toBeCloseTo(plan[1]!, 12);
      expect(terms['plan/shapley']).toBeCloseTo((plan[0]! + plan[1]!) / 2, 12);
      expect(terms['reasoning/shapley']).toBeCloseTo((reasoning[0]! + reasoning[1]!) / 2, 12);
      for (const order of ['plan_first', 'reasoning_first', 'shapley']) expect(terms[`plan/${order}`]! + terms[`reasoning/${order}`]!).toBeCloseTo(terms['total/none']!, 12);
      expect(terms['interaction/none']).toBeCloseTo(plan[1]! - plan[0]!, 12);
    }
  });

  it('splits a product grid acc(p, r) = R_p · I_r as planted: plan (R_A − R_B)·mean(I), reasoning (I_A − I_B)·mean(R)', () => {
    const [RA, RB, IA, IB] = [0.6, 0.4, 0.76, 0.72];
    const terms = attributionTerms({ AA: RA * IA, AB: RA * IB, BA: RB * IA, BB: RB * IB });
    expect(terms[5]).toBeCloseTo(((RA - RB) * (IA + IB)) / 2, 12);
    expect(terms[6]).toBeCloseTo(((IA - IB) * (RA + RB)) / 2, 12);
  });
});
