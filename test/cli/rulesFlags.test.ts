import { describe, expect, it } from 'vitest';
import {
  checkScopeFlags,
  findSegment,
  parameterChoices,
  RULES_FLAGS,
  rulesUsage,
  scopeChoice,
  scopeFrom,
} from '../../src/cli/rulesFlags';
import { createVoice } from '../../src/cli/voice';
import { isUserError } from '../../src/core/common/userError';
import { textSource } from '../../src/core/read/byteSource';
import { AnalysisSession } from '../../src/core/session/session';
import { SHOP_CSV, SHOP_SETTINGS } from '../support/basketOrders';

const en = createVoice('en');
const zh = createVoice('zh');

function refusal(work: () => unknown): { key: string; params: unknown } {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return { key: error.sentence.key, params: error.sentence.params };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('RULES_FLAGS and rulesUsage', () => {
  it('take the flags the issue names, with the mapping and reading flags of the other commands', () => {
    for (const flag of [
      'customer',
      'order',
      'date',
      'quantity',
      'price',
      'amount',
      'item',
      'description',
      'min-support',
      'min-confidence',
      'max-len',
      'scope',
      'k',
      'segment-map',
      'json',
      'out',
      'delimiter',
      'encoding',
    ]) {
      expect(RULES_FLAGS).toHaveProperty(flag);
      expect(rulesUsage('en')).toContain(`--${flag}`);
    }
  });
});

describe('scopeChoice', () => {
  it('reads all, rfm:NAME and cluster:N (all when not given)', () => {
    expect(scopeChoice(undefined)).toEqual({ kind: 'all' });
    expect(scopeChoice(' ALL ')).toEqual({ kind: 'all' });
    expect(scopeChoice('rfm:Champions')).toEqual({ kind: 'rfm', name: 'Champions' });
    expect(scopeChoice('RFM: Loyal Customers ')).toEqual({ kind: 'rfm', name: 'Loyal Customers' });
    expect(scopeChoice('rfm:重要价值客户')).toEqual({ kind: 'rfm', name: '重要价值客户' });
    expect(scopeChoice('cluster:3')).toEqual({ kind: 'cluster', cluster: 3 });
    expect(scopeChoice('Cluster: 0 ')).toEqual({ kind: 'cluster', cluster: 0 });
  });

  it('refuses anything else in one sentence that shows the three forms', () => {
    for (const value of [
      '',
      'rfm:',
      'rfm:  ',
      'cluster:',
      'cluster:x',
      'cluster:-1',
      'cluster:1.5',
      'segment:1',
      'everyone',
    ])
      expect(refusal(() => scopeChoice(value))).toEqual({
        key: 'rulesBadScope',
        params: { value },
      });
    expect(en.say({ key: 'rulesBadScope', params: { value: 'x' } })).toBe(
      '--scope must be all, rfm:NAME (a named RFM segment) or cluster:N (a cluster number), not "x".',
    );
  });
});

describe('parameterChoices', () => {
  it('gives the defaults (support from the baskets), or the values given', () => {
    expect(parameterChoices({})).toEqual({ minSupport: null, minConfidence: 0.3, maxLen: 3 });
    expect(
      parameterChoices({ 'min-support': '0.05', 'min-confidence': '0', 'max-len': '30' }),
    ).toEqual({ minSupport: 0.05, minConfidence: 0, maxLen: 30 });
    expect(parameterChoices({ 'min-support': '1', 'min-confidence': '1' })).toMatchObject({
      minSupport: 1,
      minConfidence: 1,
    });
  });

  it('refuses a support outside (0, 1], a confidence outside [0, 1] and a length outside 1..30', () => {
    for (const value of ['0', '1.01', '-0.1', 'abc', '', '1%', 'NaN'])
      expect(refusal(() => parameterChoices({ 'min-support': value }))).toEqual({
        key: 'basketsMinSupport',
        params: { value },
      });
    for (const value of ['-0.1', '1.5', 'x', ''])
      expect(refusal(() => parameterChoices({ 'min-confidence': value }))).toEqual({
        key: 'basketsMinConfidence',
        params: { value },
      });
    for (const value of ['0', '31', '2.5', 'three'])
      expect(refusal(() => parameterChoices({ 'max-len': value })).key).toBe('cliWholeNumberRange');
  });
});

describe('checkScopeFlags', () => {
  it('takes --k for clusters and --segment-map for RFM segments only', () => {
    expect(checkScopeFlags({ kind: 'cluster', cluster: 0 }, { k: '4' })).toBe(4);
    expect(checkScopeFlags({ kind: 'cluster', cluster: 0 }, {})).toBeUndefined();
    expect(checkScopeFlags({ kind: 'rfm', name: 'x' }, { 'segment-map': 'rfm-mean' })).toBe(
      undefined,
    );
    expect(refusal(() => checkScopeFlags({ kind: 'all' }, { k: '4' })).key).toBe('rulesMisplacedK');
    expect(refusal(() => checkScopeFlags({ kind: 'rfm', name: 'x' }, { k: '4' })).key).toBe(
      'rulesMisplacedK',
    );
    expect(
      refusal(() => checkScopeFlags({ kind: 'cluster', cluster: 1 }, { 'segment-map': 'rf-grid' }))
        .key,
    ).toBe('rulesMisplacedSegmentMap');
    expect(refusal(() => checkScopeFlags({ kind: 'cluster', cluster: 1 }, { k: '0' })).key).toBe(
      'cliWholeNumberAtLeast',
    );
  });
});

describe('findSegment', () => {
  it("finds a segment by its name in the voice's language or in English, in any case", () => {
    expect(findSegment('rf-grid', 'champions', en).segment).toBe(0);
    expect(findSegment('rf-grid', " CAN'T LOSE THEM ", en).segment).toBe(8);
    const chinese = findSegment('rfm-mean', '重要价值客户', zh);
    expect(chinese.segment).toBe(0);
    expect(chinese.map.names[0]).toBe('重要价值客户');
    expect(findSegment('rfm-mean', 'general win-back customers', zh).segment).toBe(7);
    // The map's names are in the voice's language, as the rules' file names will be.
    expect(findSegment('rfm-mean', 'Important value customers', en).map.names[0]).toBe(
      'Important value customers',
    );
  });

  it('refuses an unknown name, listing the names in the chosen language', () => {
    const unknown = refusal(() => findSegment('rf-grid', 'Whales', en));
    expect(unknown.key).toBe('rulesUnknownSegment');
    expect(en.say({ key: 'rulesUnknownSegment', params: unknown.params as never })).toBe(
      'There is no RFM segment named "Whales": choose among Champions, Loyal Customers, Potential Loyalists, New Customers, Promising, Need Attention, About to Sleep, At Risk, Can\'t Lose Them, Hibernating.',
    );
    const chinese = refusal(() => findSegment('rfm-mean', 'Champions', zh));
    expect((chinese.params as { names: string }).names).toContain('重要价值客户');
  });
});

describe('scopeFrom', () => {
  it('makes the scope of a choice on the file, clusters at the recommended k unless --k says', async () => {
    const session = await AnalysisSession.open(textSource(SHOP_CSV), 'shop.csv', {});
    expect(
      await scopeFrom(
        { kind: 'all' },
        session,
        SHOP_SETTINGS,
        { scheme: 'rf-grid', k: undefined },
        en,
      ),
    ).toEqual({ kind: 'all' });
    const segment = await scopeFrom(
      { kind: 'rfm', name: 'General win-back customers' },
      session,
      SHOP_SETTINGS,
      { scheme: 'rfm-mean', k: undefined },
      en,
    );
    expect(segment).toMatchObject({ kind: 'rfm', segment: 7, map: { scheme: 'rfm-mean' } });
    const given = await scopeFrom(
      { kind: 'cluster', cluster: 1 },
      session,
      SHOP_SETTINGS,
      { scheme: 'rf-grid', k: 2 },
      en,
    );
    expect(given).toMatchObject({
      kind: 'cluster',
      k: 2,
      cluster: 1,
      clustering: { k: 2, kMax: 10 },
    });
    const recommended = await scopeFrom(
      { kind: 'cluster', cluster: 0 },
      session,
      SHOP_SETTINGS,
      { scheme: 'rf-grid', k: undefined },
      en,
    );
    if (recommended.kind !== 'cluster') throw new Error('expected a cluster scope');
    const analysis = await session.segmentation({
      options: recommended.clustering,
      rfm: SHOP_SETTINGS,
    });
    expect(recommended).toMatchObject({ kind: 'cluster', k: analysis.k, cluster: 0 });
  });
});
