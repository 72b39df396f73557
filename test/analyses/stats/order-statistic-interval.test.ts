import { describe, expect, it } from 'vitest';
import { orderStatisticInterval } from '../../../analyses/stats/order-statistic-interval';

describe('order-statistic interval', () => {
  it('takes the order statistics around the type-7 quantile positions', () => {
    // 11 values 1..11: positions 10·.025 = .25 and 10·.975 = 9.75 → order statistics 0 and 10
    const values = Array.from({ length: 11 }, (_, i) => 11 - i);
    expect(orderStatisticInterval(values, 0.95)).toEqual({ lo: 1, hi: 11 });
    // 101 values 0..100: positions 2.5 and 97.5 → 2 and 98
    expect(orderStatisticInterval(Array.from({ length: 101 }, (_, i) => i), 0.95)).toEqual({ lo: 2, hi: 98 });
    // exact positions are taken as they are: 41 values, 40·.025 = 1
    expect(orderStatisticInterval(Array.from({ length: 41 }, (_, i) => i), 0.95)).toEqual({ lo: 1, hi: 39 });
  });
  it('sorts +Infinity last (beyond the grid) and leaves NaN out', () => {
    const values = [3, 3, 4, Infinity, Infinity, NaN, 2, 3, 3, 4, Infinity];
    expect(orderStatisticInterval(values, 0.5)).toEqual({ lo: 3, hi: Infinity });
    expect(orderStatisticInterval([NaN], 0.95).lo).toBeNaN();
  });
});
