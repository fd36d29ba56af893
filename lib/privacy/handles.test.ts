import { describe, expect, it } from 'vitest';
import { coolDownCutoff, handleCoolDownDays, handleDigest, isCoolingDown } from './handles';

describe('handle cool-down', () => {
  it('stores a digest that ignores case and never the handle itself', () => {
    expect(handleDigest('Maya_K')).toBe(handleDigest(' maya_k '));
    expect(handleDigest('maya_k')).not.toBe(handleDigest('maya_j'));
    expect(handleDigest('maya_k')).not.toContain('maya');
    expect(handleDigest('maya_k')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds a handle back for 30 days and no longer', () => {
    const released = new Date('2026-11-01T12:00:00Z');
    expect(handleCoolDownDays).toBe(30);
    expect(isCoolingDown(released, new Date('2026-11-30T12:00:00Z'))).toBe(true);
    expect(isCoolingDown(released, new Date('2026-12-01T12:00:00Z'))).toBe(false);
    expect(coolDownCutoff(new Date('2026-12-01T12:00:00Z')).toISOString()).toBe(released.toISOString());
  });
});
