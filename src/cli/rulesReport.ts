import { message } from '../core/common/message';
import { RFM_DROP_LABELS, RFM_DROP_REASONS } from '../core/rfm/rfm';
import type { RuleRow } from '../core/basket/rulesTable';
import type { RuleSet, RulesSummary } from '../core/session/basketsSession';
import { textTable, type Voice } from './voice';

/** Rules in the text report, and items in its table of the most frequent. */
const TEXT_RULES = 20;
const TEXT_ITEMS = 10;

/**
 * The result as the issue specifies it: rows, baskets, items, parameters, every frequent itemset
 * and every rule (in descending order of lift; conviction null where infinite). Outside the whole
 * file, each rule also has its lift over all baskets and the ratio of the two.
 */
export function rulesJson(summary: RulesSummary, set: RuleSet, scope: string, voice: Voice) {
  const { itemsets, rules, lines, table } = set;
  const names = (ids: Int32Array, from: number, to: number) =>
    Array.from(ids.subarray(from, to), (id) => lines.items[id]);
  const whole = table.distinguishing;
  const { parameters } = summary;
  return {
    rows: { read: summary.rows.read, used: summary.rows.used, dropped: summary.rows.dropped },
    baskets: summary.baskets,
    items: summary.items,
    linesWithoutItem: summary.linesWithoutItem,
    parameters: {
      scope,
      minSupport: parameters.minSupport,
      defaultSupport: parameters.defaultSupport,
      minBaskets: parameters.minBaskets,
      minConfidence: parameters.minConfidence,
      maxLen: parameters.maxLen,
      maxItemsets: parameters.maxItemsets,
    },
    notes: parameters.note === null ? [] : [voice.say(parameters.note)],
    itemsets: Array.from({ length: itemsets.count }, (_, i) => ({
      items: names(itemsets.items, itemsets.offsets[i], itemsets.offsets[i + 1]),
      support: itemsets.counts[i] / itemsets.basketCount,
      count: itemsets.counts[i],
    })),
    rules: Array.from(table.order('lift', true), (r) => ({
      antecedents: names(
        rules.antecedentItems,
        rules.antecedentStart[r],
        rules.antecedentStart[r + 1],
      ),
      consequents: names(
        rules.consequentItems,
        rules.consequentStart[r],
        rules.consequentStart[r + 1],
      ),
      antecedentSupport: rules.antecedentSupport[r],
      consequentSupport: rules.consequentSupport[r],
      support: rules.support[r],
      confidence: rules.confidence[r],
      lift: rules.lift[r],
      leverage: rules.leverage[r],
      conviction: rules.conviction[r] === Infinity ? null : rules.conviction[r],
      zhangsMetric: rules.zhangsMetric[r],
      jaccard: rules.jaccard[r],
      certainty: rules.certainty[r],
      kulczynski: rules.kulczynski[r],
      ...(whole === null ? {} : { wholeLift: whole.wholeLift[r], liftRatio: whole.liftRatio[r] }),
    })),
  };
}

/**
 * The readable report: the lines and baskets, the parameters, the counts, the items in the most
 * baskets, and the top of the rules table by lift with a legend of the items in it.
 */
export function rulesText(
  path: string,
  summary: RulesSummary,
  set: RuleSet,
  out: string | undefined,
  voice: Voice,
): string {
  const { rows, parameters } = summary;
  const scope =
    typeof summary.scope.name === 'string' ? summary.scope.name : voice.say(summary.scope.name);
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const dropped = RFM_DROP_REASONS.filter((r) => rows.dropped[r] > 0).map(
    (r) => `  ${String(rows.dropped[r]).padStart(9)}  ${voice.say(message(RFM_DROP_LABELS[r]))}`,
  );
  const lines = [
    voice.text('rulesSummary', {
      path,
      read: rows.read,
      used: rows.used,
      baskets: summary.baskets,
      items: summary.items,
      scope,
    }),
    ...(dropped.length > 0 ? [voice.text('leftOut'), ...dropped] : []),
    ...(summary.linesWithoutItem > 0
      ? [voice.text('rulesWithoutItem', { count: summary.linesWithoutItem })]
      : []),
    voice.text('rulesParameters', {
      support: parameters.minSupport,
      count: parameters.minBaskets,
      confidence: parameters.minConfidence,
      maxLen: parameters.maxLen,
    }),
    ...(parameters.note === null ? [] : [voice.say(parameters.note)]),
    voice.text('rulesFound', {
      itemsets: summary.itemsets,
      rules: summary.rules,
      redundant: summary.redundantRules,
    }),
    '',
    voice.text('rulesTopItems'),
    ...textTable(
      (
        [
          'rulesColumnItem',
          'rulesColumnDescription',
          'rulesColumnBaskets',
          'rulesColumnSupport',
        ] as const
      ).map((key) => voice.text(key)),
      summary.topItems
        .slice(0, TEXT_ITEMS)
        .map((item) => [item.id, item.description, String(item.baskets), percent(item.support)]),
      [false, false, true, true],
    ),
    '',
  ];
  const top = Array.from(set.table.order('lift', true).subarray(0, TEXT_RULES), (r) =>
    set.table.row(r),
  );
  if (top.length === 0) {
    lines.push(voice.text('rulesNone', { confidence: parameters.minConfidence }));
  } else {
    lines.push(voice.text('rulesTopRules', { count: top.length, total: summary.rules }));
    lines.push(...rulesTable(top, voice));
    const described = legend(top);
    if (described.length > 0) lines.push('', voice.text('rulesLegend'), ...described);
    if (set.table.distinguishing !== null) lines.push('', voice.text('rulesDistinguish'));
  }
  if (out !== undefined) lines.push('', voice.text('rulesWrote', { out }));
  return lines.join('\n') + '\n';
}

function rulesTable(top: RuleRow[], voice: Voice): string[] {
  const scoped = top[0].wholeLift !== null;
  const side = (items: RuleRow['antecedents']) => items.map((item) => item.id).join(', ');
  const header = [
    'rulesColumnRule',
    'rulesColumnSupport',
    'rulesColumnConfidence',
    'rulesColumnLift',
    'rulesColumnConviction',
    'rulesColumnBaskets',
    ...(scoped ? (['rulesColumnWholeLift', 'rulesColumnRatio'] as const) : []),
  ] as const;
  return textTable(
    header.map((key) => voice.text(key)),
    top.map((row) => [
      `${side(row.antecedents)} -> ${side(row.consequents)}`,
      `${(row.support * 100).toFixed(2)}%`,
      `${(row.confidence * 100).toFixed(1)}%`,
      row.lift.toFixed(2),
      row.conviction === null ? voice.text('rulesInfinite') : row.conviction.toFixed(2),
      String(row.baskets),
      ...(scoped ? [row.wholeLift!.toFixed(2), row.liftRatio!.toFixed(2)] : []),
    ]),
    header.map((_, c) => c > 0),
  );
}

/** Each item of the rules shown, once, with its description (items without one are left out). */
function legend(top: RuleRow[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const row of top) {
    for (const item of [...row.antecedents, ...row.consequents]) {
      if (seen.has(item.id) || item.description.length === 0) continue;
      seen.add(item.id);
      lines.push(`  ${item.id}  ${item.description}`);
    }
  }
  return lines;
}
