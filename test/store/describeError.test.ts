import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/common/message';
import { UserError } from '../../src/core/common/userError';
import { renderMessage } from '../../src/i18n/formatMessage';
import { describeError } from '../../src/store/describeError';
import { CancelledError, WorkerFailedError } from '../../src/worker/clientErrors';

describe('describeError', () => {
  it('says nothing of a cancel, and passes on what a failed worker says', () => {
    expect(describeError(new CancelledError(), 'activityAnalysing')).toBeNull();
    const failed = new WorkerFailedError(message('workerNotStarted'));
    expect(describeError(failed, 'activityAnalysing')).toBe(failed.sentence);
  });

  it('says what went wrong while doing what, with the error’s own words as the detail', () => {
    const said = describeError(new Error('boom'), 'activityReading', { name: 'a.csv' });
    expect(said).toEqual(
      message('pageUnexpected', {
        activity: message('activityReading', { name: 'a.csv' }),
        detail: 'boom',
      }),
    );
    expect(describeError('plain text', 'activityDownload')?.params?.detail).toBe('plain text');
  });

  it('says the detail in the page’s language when the error carries its sentence', () => {
    const sentence = message('sampleNotLoaded', { name: 'orders.csv', status: 404 });
    const error = Object.assign(new Error('the sample orders.csv could not be loaded (404)'), {
      sentence,
    });
    const said = describeError(error, 'activitySample')!;
    expect(said.params?.detail).toBe(sentence);
    expect(renderMessage('zh', said)).toBe(
      '加载示例时出了问题（无法加载示例 orders.csv（404））：请重试；如果一直出现，请使用命令行。',
    );
    expect(renderMessage('zh', said)).not.toMatch(/could not be loaded/);
    // A user error that reaches here is said in the page's language too.
    const refused = describeError(new UserError('empty-file', 'readEmptyFile'), 'activityReading', {
      name: 'x.csv',
    })!;
    expect(refused.params?.detail).toEqual(message('readEmptyFile'));
  });
});
