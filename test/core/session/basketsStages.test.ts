import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { defaultSegmentMap, nameSegments, renameSegment } from '../../../src/core/rfm/rfmSegments';
import {
  basketsStages,
  progressSpans,
  type RulesRequest,
} from '../../../src/core/session/basketsStages';
import { defaultRulesRequest } from '../../../src/core/session/basketsSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText } from '../../../src/i18n/formatMessage';
import { SHOP_CSV, SHOP_SETTINGS } from '../../support/basketOrders';

const meanMap = nameSegments(defaultSegmentMap('rfm-mean'), englishText);
const open = () => AnalysisSession.open(textSource(SHOP_CSV), 'shop.csv', {});
const all = (changes: Partial<RulesRequest> = {}): RulesRequest => ({
  ...defaultRulesRequest(SHOP_SETTINGS, { kind: 'all' }),
  ...changes,
});

async function refusal(work: Promise<unknown>): Promise<{ code: string; key: string }> {
  try {
    await work;
  } catch (error) {
    if (isUserError(error)) return { code: error.code, key: error.sentence.key };
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('progressSpans', () => {
  it('maps each stage into its span, forwarding at most every 2% and always the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
        (callsPerStage) => {
          const seen: number[] = [];
          const span = progressSpans((fraction) => seen.push(fraction));
          const stages = callsPerStage.length;
          callsPerStage.forEach((calls, s) => {
            const report = span(s / stages, (s + 1) / stages)!;
            for (let c = 1; c <= calls; c++) report(c / calls);
          });
          expect(seen.length).toBeLessThanOrEqual(51);
          for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
          expect(seen[seen.length - 1]).toBe(1);
        },
      ),
    );
  });

  it('keeps fractions within the span, and gives nothing to call without a listener', () => {
    const seen: number[] = [];
    const report = progressSpans((fraction) => seen.push(fraction))(0.2, 0.4)!;
    report(-1);
    report(0.5);
    report(7);
    expect(seen).toEqual([0.2, 0.30000000000000004, 0.4]);
    expect(progressSpans()(0, 1)).toBeUndefined();
  });
});

describe('BasketsStages', () => {
  it('belong to their session: one per session, made once', async () => {
    const [a, b] = [await open(), await open()];
    expect(basketsStages(a)).toBe(basketsStages(a));
    expect(basketsStages(a)).not.toBe(basketsStages(b));
  });

  it('compute each stage once for what decides it', async () => {
    const stages = basketsStages(await open());
    const first = await stages.ruleSet(all());
    expect(await stages.ruleSet(all())).toBe(first);
    // The default support stated as a number is the same request.
    expect(await stages.ruleSet(all({ minSupport: 10 / 15 }))).toBe(first);
    // Another confidence: new rules from the same itemsets, over the same baskets.
    const confident = await stages.ruleSet(all({ minConfidence: 0.9 }));
    expect(confident).not.toBe(first);
    expect(confident.itemsets).toBe(first.itemsets);
    expect(confident.scope).toBe(first.scope);
    // Another support: new itemsets, the same baskets.
    const lower = await stages.ruleSet(all({ minSupport: 0.1 }));
    expect(lower.itemsets).not.toBe(first.itemsets);
    expect(lower.scope).toBe(first.scope);
    // A renamed segment is the same scope.
    const segment = { kind: 'rfm', map: meanMap, segment: 0 } as const;
    const named = await stages.ruleSet(all({ scope: segment }));
    const renamed = await stages.ruleSet(
      all({ scope: { ...segment, map: renameSegment(meanMap, 0, 'Regulars') as typeof meanMap } }),
    );
    expect(renamed).toBe(named);
  });

  it("builds a scope's baskets from its customers' orders, and counts its customers", async () => {
    const stages = basketsStages(await open());
    const lines = stages.lines(SHOP_SETTINGS);
    const whole = await stages.scopeBaskets(SHOP_SETTINGS, { kind: 'all' }, lines);
    expect(whole.customers).toBe(5);
    expect(whole.baskets.basketCount).toBe(15);
    expect(whole.items).toBe(5);
    const regulars = await stages.scopeBaskets(
      SHOP_SETTINGS,
      { kind: 'rfm', map: meanMap, segment: 0 },
      lines,
    );
    expect(regulars.customers).toBe(2);
    expect(regulars.baskets.basketCount).toBe(12);
    expect(Array.from(regulars.baskets.basketCustomer).every((c) => c === 0 || c === 1)).toBe(true);
    const jam = lines.items.indexOf('JAM');
    const cheese = lines.items.indexOf('CHEESE');
    expect(regulars.itemCounts[jam]).toBe(12);
    expect(regulars.itemCounts[cheese]).toBe(0);
    expect(regulars.items).toBe(3);
  });

  it('refuses bad parameters before reading anything', async () => {
    const session = await open();
    const stages = basketsStages(session);
    const noItem = {
      ...SHOP_SETTINGS,
      mapping: { ...SHOP_SETTINGS.mapping, item: null, description: null },
    };
    // Each problem wins over the missing item column: it is found before the lines are read.
    const cases: [Partial<RulesRequest>, string][] = [
      [{ minSupport: 0 }, 'basketsMinSupport'],
      [{ minSupport: 1.01 }, 'basketsMinSupport'],
      [{ minSupport: NaN }, 'basketsMinSupport'],
      [{ minConfidence: -0.1 }, 'basketsMinConfidence'],
      [{ minConfidence: 1.5 }, 'basketsMinConfidence'],
      [{ minConfidence: NaN }, 'basketsMinConfidence'],
      [{ maxLen: 0 }, 'basketsMaxLen'],
      [{ maxLen: 31 }, 'basketsMaxLen'],
      [{ maxLen: 2.5 }, 'basketsMaxLen'],
      [{ maxItemsets: 0 }, 'basketsMaxItemsets'],
      [{ scope: { kind: 'rfm', map: meanMap, segment: 8 } }, 'basketsNoSegment'],
    ];
    for (const [changes, key] of cases) {
      expect(await refusal(stages.ruleSet(all({ ...changes, rfm: noItem })))).toEqual({
        code: 'bad-option',
        key,
      });
    }
    expect(await refusal(stages.ruleSet(all({ rfm: noItem })))).toEqual({
      code: 'bad-mapping',
      key: 'basketsNeedItem',
    });
    // Support 1 and confidence 0 and 1 are allowed.
    await expect(stages.ruleSet(all({ minSupport: 1, minConfidence: 0 }))).resolves.toBeDefined();
    await expect(stages.ruleSet(all({ minConfidence: 1 }))).resolves.toBeDefined();
  });

  it('keeps nothing of a run that failed: the next request runs afresh', async () => {
    const stages = basketsStages(await open());
    expect(await refusal(stages.ruleSet(all({ minSupport: 0.01, maxItemsets: 3 })))).toEqual({
      code: 'too-many-itemsets',
      key: 'basketsTooMany',
    });
    const set = await stages.ruleSet(all({ minSupport: 0.01, maxItemsets: 1000 }));
    expect(set.itemsets.count).toBeGreaterThan(3);
  });

  it('measures the rules of a scope over the whole file, and not those of the whole file', async () => {
    const stages = basketsStages(await open());
    expect((await stages.ruleSet(all())).table.distinguishing).toBeNull();
    const regulars = await stages.ruleSet(
      all({ scope: { kind: 'rfm', map: meanMap, segment: 0 } }),
    );
    expect(Array.from(regulars.table.distinguishing!.wholeLift)).toEqual([1.25, 1.25]);
  });
});
