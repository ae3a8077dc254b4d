import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';

describe('session limits from the environment', () => {
  it('are 12 hours and 30 minutes unless set', () => {
    expect(readConfig({}).sessionLimits).toEqual({ absoluteMs: 43_200_000, idleMs: 1_800_000 });
  });

  it('take whole hours and minutes', () => {
    expect(readConfig({ OPENKPI_SESSION_HOURS: '8', OPENKPI_SESSION_IDLE_MINUTES: '15' }).sessionLimits).toEqual({ absoluteMs: 28_800_000, idleMs: 900_000 });
  });

  it('stop the start on a value that is not a whole number above 0, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', '12h', 'abc']) {
      expect(() => readConfig({ OPENKPI_SESSION_IDLE_MINUTES: bad })).toThrow(`OPENKPI_SESSION_IDLE_MINUTES must be a whole number above 0, not "${bad}"`);
    }
    expect(() => readConfig({ OPENKPI_SESSION_HOURS: '0' })).toThrow('OPENKPI_SESSION_HOURS');
  });
});
