import { describe, expect, it } from 'vitest';
import { phaseMoves } from './phase-moves';

const admin = { setup: true, lock: true };

describe('phaseMoves', () => {
  it('moves an open cycle back and forward, and offers the lock', () => {
    expect(phaseMoves('track', admin)).toEqual({ back: 'agree', forward: 'self', lock: true, publish: false, reopen: false });
    expect(phaseMoves('targets', admin)).toMatchObject({ back: null, forward: 'agree' });
    // The last open phase goes on only by locking.
    expect(phaseMoves('calibrate', admin)).toMatchObject({ back: 'review', forward: null, lock: true });
  });

  it('publishes only a locked cycle and reopens a locked or published one', () => {
    expect(phaseMoves('locked', admin)).toEqual({ back: null, forward: null, lock: false, publish: true, reopen: true });
    expect(phaseMoves('published', admin)).toEqual({ back: null, forward: null, lock: false, publish: false, reopen: true });
  });

  it('offers nothing to someone without setup or lock rights', () => {
    expect(phaseMoves('track', { setup: false, lock: false })).toEqual({ back: null, forward: null, lock: false, publish: false, reopen: false });
    expect(phaseMoves('locked', { setup: true, lock: false })).toMatchObject({ publish: false, reopen: false });
  });
});
