import { describe, expect, it } from 'vitest';
import { EstimateTable } from '../../../analyses/passkt/estimate-table';
import { passAtK, passHatK } from '../../../analyses/stats/pass-at-k';

describe('EstimateTable', () => {
  it('holds the estimator for every k and returns the same typed array for the same (n, c)', () => {
    const pass = new EstimateTable('pass');
    const hat = new EstimateTable('passhat');
    const row = pass.row(10, 3);
    expect(row).toBeInstanceOf(Float64Array);
    expect(row.length).toBe(10);
    for (let k = 1; k <= 10; k++) {
      expect(row[k - 1]).toBe(passAtK(10, 3, k));
      expect(hat.row(10, 3)[k - 1]).toBe(passHatK(10, 3, k));
    }
    expect(pass.row(10, 3)).toBe(row);
    expect(pass.row(10, 4)).not.toBe(row);
    expect(pass.row(11, 3)).not.toBe(row);
  });
});
