import type { CatalogShape } from '../../catalog';
import type { cliRules as english } from '../en/cliRules';

export const cliRules: CatalogShape<typeof english> = {
  rulesSummary:
    '{path}：读取 {read, number} 行订单明细，使用 {used, number} 行；{baskets, number} 个购物篮，{items, number} 种商品（{scope}）',
  rulesWithoutItem: '有 {count, number} 行没有商品，未计入购物篮。',
  rulesParameters:
    '最小支持度 {support, number, precise}（{count, number} 个购物篮），最小置信度 {confidence, number, precise}，项集最多 {maxLen, number} 个商品。',
  rulesFound:
    '{itemsets, number} 个频繁项集，{rules, number} 条规则（其中 {redundant, number} 条冗余）。',
  rulesTopItems: '出现在最多购物篮中的商品：',
  rulesTopRules:
    '提升度最高的 {count, number} 条规则（共 {total, number} 条；--out DIR 可写出全部）：',
  rulesNone:
    '没有规则的置信度达到 {confidence, number, precise}：请降低 --min-confidence 或 --min-support。',
  rulesLegend: '这些规则中的商品：',
  rulesColumnItem: '商品',
  rulesColumnDescription: '描述',
  rulesColumnBaskets: '购物篮',
  rulesColumnSupport: '支持度',
  rulesColumnRule: '规则',
  rulesColumnConfidence: '置信度',
  rulesColumnLift: '提升度',
  rulesColumnConviction: '确信度',
  rulesColumnWholeLift: '全部文件的提升度',
  rulesColumnRatio: '比值',
  rulesInfinite: '无穷大',
  rulesDistinguish:
    '最后两列：每条规则在全部购物篮中的提升度，以及它在这里的提升度与之的比值（大于 1：这个范围特有）。',
  rulesWrote: '已将 rules.csv 和 itemsets.csv 写入 {out}',
};
