import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/common/userError';
import * as analysisApi from '../../../src/worker/analysisApi';
import { asOutcome, close, isHeld, open, withSession } from '../../../src/worker/api/heldSession';
import type { AnalysisSession } from '../../../src/core/session/session';

const csv = (text: string) => new Blob([text]);

afterEach(() => close());

describe('the held session', () => {
  it('answers a request about the file it holds, and no-session about any other', async () => {
    expect((await open(7, csv('a,b\n1,2\n3,4\n'), 'small.csv', {})).ok).toBe(true);
    const sessions: AnalysisSession[] = [];
    const answer = await withSession(7, (session) => {
      sessions.push(session);
      return session.fileName;
    });
    expect(answer).toEqual({ ok: true, value: 'small.csv' });
    const [first] = sessions;
    expect(isHeld(first)).toBe(true);
    expect(await withSession(8, () => 'never')).toMatchObject({
      ok: false,
      error: { code: 'no-session', sentence: { key: 'noSession' } },
    });
    // Opening another file lets the first go; closing lets every file go.
    expect((await open(9, csv('x\n1\n'), 'other.csv', {})).ok).toBe(true);
    expect(isHeld(first)).toBe(false);
    expect((await withSession(7, () => 'never')).ok).toBe(false);
    expect(await withSession(9, (session) => session.fileName)).toEqual({
      ok: true,
      value: 'other.csv',
    });
    await close();
    expect((await withSession(9, () => 'never')).ok).toBe(false);
  });

  it("turns a user's error into an outcome the page shows, and lets any other error through", async () => {
    expect(await asOutcome(() => Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const refused = await asOutcome(() => {
      throw new UserError('bad-option', 'kNotWhole', { k: 2.5 });
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'bad-option', sentence: { key: 'kNotWhole', params: { k: 2.5 } } },
    });
    await expect(asOutcome(() => Promise.reject(new RangeError('internal')))).rejects.toThrow(
      RangeError,
    );
  });

  it('is reached from the page only through its requests: none of its helpers is exposed', () => {
    // setClusterExecutor is the worker entry's, which takes it out before exposing the rest.
    const exposed = Object.keys(analysisApi).filter((name) => name !== 'setClusterExecutor');
    for (const helper of ['withSession', 'asOutcome', 'asFile', 'asHtmlFile', 'renderIn', 'isHeld'])
      expect(exposed).not.toContain(helper);
    for (const request of [
      'open',
      'close',
      'ping',
      'segmentation',
      'rules',
      'predict',
      'modelQuery',
    ])
      expect(exposed).toContain(request);
  });
});
