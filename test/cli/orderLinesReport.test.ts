import { describe, expect, it } from 'vitest';
import { linesJson, linesLeftOut } from '../../src/cli/orderLinesReport';
import { createVoice } from '../../src/cli/voice';
import type { LineReport } from '../../src/core/rfm/orderLines';

const REPORT: LineReport = {
  read: 1_200,
  used: 1_000,
  dropped: {
    unreadable_row: 0,
    no_customer_id: 150,
    cancellation: 45,
    unreadable_date: 0,
    missing_amount: 0,
    not_positive: 5,
  },
};

describe('linesLeftOut', () => {
  it('lists every reason with lines left out, in the order the checks run, in the voice', () => {
    expect(linesLeftOut(REPORT, createVoice('en'))).toEqual([
      'Left out:',
      '        150  no customer id',
      expect.stringMatching(/^ {9}45 {2}cancelled order/),
      expect.stringMatching(/^ {10}5 {2}quantity, price or amount zero or negative/),
    ]);
    expect(linesLeftOut(REPORT, createVoice('zh'))[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says nothing when no line was left out', () => {
    const none = {
      ...REPORT,
      used: 1_200,
      dropped: { ...REPORT.dropped, no_customer_id: 0, cancellation: 0, not_positive: 0 },
    };
    expect(linesLeftOut(none, createVoice('en'))).toEqual([]);
  });
});

describe('linesJson', () => {
  it('gives the counts under English keys, every reason included', () => {
    expect(linesJson(REPORT)).toEqual({ read: 1_200, used: 1_000, dropped: REPORT.dropped });
  });
});
