import { describe, expect, it } from 'vitest';
import { duration, guarded, routeStrayError, RunStop } from './stop.js';

describe('RunStop', () => {
  it('stops on the external signal, keeps the first reason, and cuts a race short', async () => {
    const external = new AbortController();
    const stop = new RunStop(external.signal, 0);
    const never = new Promise<string>(() => undefined);
    const raced = stop.race(never);
    external.abort();
    await expect(raced).resolves.toBeUndefined();
    stop.stop('another reason');
    expect(stop.reason).toBe('the run was interrupted');
    await expect(stop.race(Promise.resolve('late'))).resolves.toBeUndefined();
  });

  it('gives the work its value when the run goes on', async () => {
    const stop = new RunStop(undefined, 0);
    await expect(stop.race(Promise.resolve(42))).resolves.toBe(42);
    await expect(stop.race(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    stop.dispose();
  });

  it('stops at the time limit, with the limit in words', async () => {
    const stop = new RunStop(undefined, 30);
    await expect(stop.race(new Promise(() => undefined))).resolves.toBeUndefined();
    expect(stop.reason).toBe('the run reached its time limit of 30 ms (--max-run-time)');
    expect([duration(90_000), duration(1_800_000), duration(1500)]).toEqual(['90 s', '30 min', '1500 ms']);
  });
});

describe('guarded', () => {
  it('turns an error thrown by a timer the work started into the work’s rejection', async () => {
    const work = guarded(async () => {
      setTimeout(() => {
        // What the CLI's uncaughtException hook does with an error thrown here.
        expect(routeStrayError(new Error('thrown in a timer'))).toBe(true);
      }, 1);
      await new Promise(() => undefined);
    });
    await expect(work).rejects.toThrow('thrown in a timer');
  });

  it('does not claim errors of work that has ended, or of no work', async () => {
    let late: (() => boolean) | undefined;
    await guarded(async () => {
      late = () => routeStrayError(new Error('too late'));
    });
    expect(late!()).toBe(false);
    expect(routeStrayError(new Error('nobody'))).toBe(false);
  });
});
