import type { CatalogShape } from '../../catalog';
import type { cliCleaning as english } from '../en/cliCleaning';

/** 命令行逐列说明清洗改动了什么（属于 `cli`）。 */
export const cliCleaning: CatalogShape<typeof english> = {
  cleaningTitle: '清洗：',
  cleaningClipped:
    '  {column}：{count, number} 个值已截断到 {low, number, precise} – {high, number, precise}（低于下限 {below, number} 个，高于上限 {above, number} 个）',
  cleaningMissingCode: '  {column}：{count, number} 个 {value, number, precise} 视为缺失值',
  cleaningImputed:
    '  {column}：{count, number} 个缺失值已填充为 {value}（{strategy, select, mean {均值} median {中位数} mode {众数} constant {常数} other {{strategy}}}）',
  cleaningNothing: '  没有填充或截断任何值',
};
