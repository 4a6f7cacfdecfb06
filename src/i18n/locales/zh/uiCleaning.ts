import type { CatalogShape } from '../../catalog';
import type { uiCleaning as english } from '../en/uiCleaning';

/** 页面上关于“无值”代码和截断改动的文字（展开到 ui）。 */
export const uiCleaning: CatalogShape<typeof english> = {
  codes: {
    legend: '表示“无值”的代码',
    hint: '一个数字占某列很大比例且远离其他值时，通常是代码（例如 999 表示“从未联系”）。在它被当作值时，该列不做截断；视为缺失值后，这些单元格按旁边选择的规则处理。',
    found:
      '{column} 中的 {value} 表示无值（占该列值的 {share, number, ::percent .0}；其他值为 {low} – {high}）',
    marked: '{column} 中的 {value} 表示无值',
    rule: '{column} 中无值的单元格',
    ruleDefault: '与所有列相同（{rule}）',
  },
  clipping: {
    clipped:
      '{column}：{count, number} 个值已截断到 {low} – {high}（低于下限 {below, number} 个，高于上限 {above, number} 个）',
    coded: '{column}：{count, number} 个 {value} 视为缺失值',
  },
};
