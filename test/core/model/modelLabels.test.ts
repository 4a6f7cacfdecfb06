import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { isUserError } from '../../../src/core/common/userError';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import {
  readLabel,
  readSegmentName,
  readWordingKey,
  RFM_NAME_KEYS,
  WORDING_KEYS,
} from '../../../src/core/model/modelLabels';

function refused(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (isUserError(error)) return englishText(error.sentence);
    throw error;
  }
  throw new Error('not refused');
}

describe('readLabel', () => {
  it('reads the labels the app makes, nested, and they render in both languages', () => {
    const label = message('labelRepeat', {
      label: message('labelJoin', {
        first: message('labelHigh', { feature: 'Income' }),
        second: message('rfmLapsed'),
      }),
      count: 2,
    });
    const read = readLabel(JSON.parse(JSON.stringify(label)), 'segments[0].label');
    expect(read).toEqual(label);
    expect(renderMessage('en', read)).toBe('High Income, Lapsed (2)');
    expect(renderMessage('zh', read)).not.toBe('');
    expect(readLabel({ key: 'labelTypical' }, 'l')).toEqual(message('labelTypical'));
  });

  it('refuses a message the app would not use as a label, or one missing its values', () => {
    expect(
      refused(() =>
        readLabel({ key: 'readTooLarge', params: { size: 1, limit: 2 } }, 'segments[0].label'),
      ),
    ).toContain('segments[0].label is not a label SegmentLens writes');
    expect(refused(() => readLabel({ key: 'labelHigh' }, 'l'))).toContain('l.params is missing');
    expect(refused(() => readLabel({ key: 'labelHigh', params: { feature: 3 } }, 'l'))).toContain(
      'l.params.feature is not a text',
    );
    expect(
      refused(() =>
        readLabel(
          { key: 'labelRepeat', params: { label: { key: 'labelTypical' }, count: 1.5 } },
          'l',
        ),
      ),
    ).toContain('l.params.count is not a whole number');
    expect(refused(() => readLabel('High income', 'l'))).toContain('l is not a group of fields');
  });

  it('refuses labels nested deeper than the app makes them', () => {
    let label: unknown = { key: 'labelTypical' };
    for (let i = 0; i < 20; i++)
      label = { key: 'labelJoin', params: { first: label, second: label } };
    expect(refused(() => readLabel(label, 'l'))).toContain('is not a label SegmentLens writes');
  });
});

describe('segment names and wordings', () => {
  it('take a typed name or a default RFM name', () => {
    expect(readSegmentName('Big spenders', 'n')).toBe('Big spenders');
    expect(readSegmentName({ key: 'rfmChampions' }, 'n')).toEqual(message('rfmChampions'));
    expect(RFM_NAME_KEYS).toHaveLength(18);
    expect(refused(() => readSegmentName('', 'n'))).toContain('n is empty');
    expect(refused(() => readSegmentName({ key: 'labelHigh' }, 'n'))).toContain('not a label');
  });

  it('take only RFM wording keys', () => {
    expect(WORDING_KEYS).toContain('rfmLapsed');
    expect(readWordingKey('rfmRecent', 'w')).toBe('rfmRecent');
    expect(refused(() => readWordingKey('readTooLarge', 'w'))).toContain('not a label');
  });
});
