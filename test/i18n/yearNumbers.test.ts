import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/common/message';
import { renderMessage } from '../../src/i18n/formatMessage';

/**
 * Issue #18: a threshold or limit on a column of years reads as a year (2015), not as a count
 * (2,015); larger numbers keep their separators.
 */
describe('numbers that may be years', () => {
  it('limits in notes: "year above 2015", "income above 12,345"', () => {
    expect(renderMessage('en', message('detailAbove', { column: 'year', limit: 2015 }))).toBe(
      'year above 2015',
    );
    expect(renderMessage('en', message('detailBelow', { column: 'income', limit: 12345 }))).toBe(
      'income below 12,345',
    );
    expect(renderMessage('zh', message('detailAbove', { column: 'year', limit: 2015 }))).toContain(
      '2015',
    );
  });

  it('thresholds of rules: "year > 2015.5"', () => {
    expect(
      renderMessage('en', message('explainAbove', { feature: 'year', threshold: 2015.5 })),
    ).toBe('year > 2015.5');
    expect(
      renderMessage('en', message('explainAbove', { feature: 'spend', threshold: 123456.25 })),
    ).toBe('spend > 123,456.25');
  });
});
