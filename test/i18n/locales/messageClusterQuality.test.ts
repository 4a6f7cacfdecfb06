import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { renderMessage } from '../../../src/i18n/formatMessage';

// DBSCAN at a poor eps on the sample customers: 2,855 of 2,862 rows noise, one small segment.
const mostlyNoise = message('warnDbscanMostlyNoise', {
  suggested: 'no',
  eps: 0.15,
  minPts: 5,
  share: 2855 / 2862,
});

describe('the warning that most rows are noise', () => {
  it('never rounds a share that left a segment up to all the rows', () => {
    expect(renderMessage('en', mostlyNoise)).toBe(
      'At eps 0.15, 99.8% of the rows are noise. Try a larger eps or fewer minimum points (now 5).',
    );
    expect(renderMessage('zh', mostlyNoise)).toContain('99.8% 的行是噪声');
    expect(
      renderMessage('en', { ...mostlyNoise, params: { ...mostlyNoise.params, share: 0.6 } }),
    ).toContain(' 60% of the rows');
  });
});
