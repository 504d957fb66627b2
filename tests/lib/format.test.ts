// Formatting helpers: the hand-grouped whole numbers must read exactly as Intl writes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countLabel, formatNumber, monthLong } from '../../src/lib/format.ts';

const intl = new Intl.NumberFormat('en-US');

describe('formatNumber', () => {
  it('groups whole numbers like Intl, negative and huge ones included', () => {
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e7, max: 1e7 })), (n) => formatNumber(n) === intl.format(n)));
    for (const n of [0, 999, 1000, -1000, 2731346, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) expect(formatNumber(n)).toBe(intl.format(n));
  });
  it('writes negative zero as 0 (Intl writes -0)', () => expect(formatNumber(-0)).toBe('0'));
  it('leaves fractions and non-finite numbers to Intl', () => {
    for (const n of [1234.5, 0.25, -1e21, Infinity, NaN]) expect(formatNumber(n)).toBe(intl.format(n));
  });
  it('labels counts', () => {
    expect(countLabel(1, 'commit')).toBe('1 commit');
    expect(countLabel(12345, 'commit')).toBe('12,345 commits');
  });
});

describe('month names', () => {
  it('reads YYYY-MM keys without going through a Date', () => {
    expect(monthLong('2024-12')).toBe('December 2024');
  });
});
