import { describe, expect, it } from 'vitest';
import { logGamma, regularizedGammaP, regularizedGammaQ } from '../../../analyses/mechanism/incomplete-gamma';

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

describe('logGamma', () => {
  it('matches ln((n-1)!) for integers', () => {
    for (let n = 1; n <= 30; n++) expect(logGamma(n)).toBeCloseTo(Math.log(factorial(n - 1)), 11);
  });
  it('matches Γ(1/2) = √π and Γ(3/2) = √π/2', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 13);
  });
  it('satisfies Γ(x+1) = xΓ(x) at non-integers, including the reflection range', () => {
    for (const x of [0.01, 0.1, 0.3, 0.7, 2.5, 7.25, 40.6]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 11);
  });
  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('regularized incomplete gamma', () => {
  it('P(1, x) = 1 − e^(−x) (closed form)', () => {
    for (const x of [1e-8, 0.01, 0.5, 1, 2, 5, 20]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
      expect(regularizedGammaQ(1, x)).toBeCloseTo(Math.exp(-x), 14);
    }
  });
  it('Q(n, x) = e^(−x) Σ_{i<n} x^i / i! for integer n (Poisson tail), both branches', () => {
    for (const n of [1, 2, 3, 5, 10, 25]) {
      for (const x of [0.1, 1, 3, n - 0.5, n + 1.5, 2 * n, 40]) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += x ** i / factorial(i);
        const expected = Math.exp(-x) * sum;
        const q = regularizedGammaQ(n, x);
        expect(Math.abs(q - expected)).toBeLessThan(1e-12 * Math.max(1, expected) + 1e-14);
        expect(Math.abs(q / expected - 1)).toBeLessThan(1e-10);
      }
    }
  });
  it('matches reference values (scipy.special.gammainc / gammaincc)', () => {
    const cases: [number, number, number][] = [
      [0.5, 0.2, 0.47291074313446196],
      [3.3, 2.0, 0.2583394699656277],
      [10, 12, 0.7576078383294875],
      [100, 90, 0.15822098918643007],
      [1, 1e-10, 9.999999999500014e-11],
    ];
    for (const [a, x, p] of cases) {
      expect(Math.abs(regularizedGammaP(a, x) / p - 1)).toBeLessThan(1e-11);
      expect(Math.abs(regularizedGammaQ(a, x) - (1 - p))).toBeLessThan(1e-12);
    }
  });
  it('P + Q = 1 and the edges are exact', () => {
    for (const a of [0.3, 1, 4.5, 60]) {
      for (const x of [0.01, a / 2, a, a + 1, 3 * a + 5]) expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
      expect(regularizedGammaP(a, 0)).toBe(0);
      expect(regularizedGammaQ(a, 0)).toBe(1);
      expect(regularizedGammaP(a, Infinity)).toBe(1);
    }
  });
  it('rejects invalid arguments', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
    expect(() => regularizedGammaQ(1, NaN)).toThrow(RangeError);
  });
});
