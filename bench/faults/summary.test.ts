import { describe, expect, it } from 'vitest';
import { summarize, type Attempt } from './summary';

const attempt = (at: number, ok: boolean, key = `k${at}`): Attempt => ({ kind: 'post', person: 0, at, end: at + 0.05, ok, key });

describe('fault bench summary', () => {
  it('counts failures in the outage, the time to recover after the database is back, and lost writes', () => {
    const attempts = [attempt(1, true), attempt(5.1, false), attempt(6, false), attempt(8.5, false), attempt(9, true), attempt(10, true, 'gone')];
    const result = summarize(attempts, { from: 5, back: 8 }, (a) => a.key !== 'gone');
    expect(result.errorsDuring).toBe(3);
    expect(result.recoverSeconds).toBeCloseTo(1);
    expect(result.lost).toBe(1);
    expect(result.line).toBe('faults recover_s=1.0 lost=1 errors_during=3');
  });
  it('reports 0 when every request succeeded, and "never" when writing never resumed', () => {
    expect(summarize([attempt(1, true), attempt(7, true)], { from: 5, back: 6 }, () => true).line).toBe('faults recover_s=0.0 lost=0 errors_during=0');
    expect(summarize([attempt(1, true), attempt(7, false)], { from: 5, back: 6 }, () => true).line).toBe('faults recover_s=never lost=0 errors_during=1');
  });
});
