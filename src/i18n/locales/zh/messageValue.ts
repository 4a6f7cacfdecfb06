import type { CatalogShape } from '../../catalog';
import type { messageValue as english } from '../en/messageValue';

export const messageValue: CatalogShape<typeof english> = {
  valueNoRepeat:
    '没有客户在不同的{unit, select, weeks {周} other {天}}里购买过不止一次，因此无法为重复购买建模：{unit, select, weeks {请使用时间跨度更长的订单，或按天计数} other {请使用时间跨度更长的订单}}。',
  valueNoRepeatSpend:
    '没有客户在不同的时段里购买过不止一次，因此无法为平均消费建模：请使用时间跨度更长的订单。',
  valueNoAverageSpend:
    '消费模型没有得到有限的平均消费（其 q 不超过 1），通常是因为少数客户的消费远高于其他人：请排除这些异常值后再试。',
  valueNoCustomers: '没有可以建模的客户：请检查订单行。',
  valueHorizonDays: '预期购买次数需要大于 0 天的时间范围，而不是 {value}：请选择例如 90。',
  valueHoldoutRange:
    '验证期必须在第一笔订单（{first, date, minute}）之后开始，且不晚于最后一笔订单（{last, date, minute}）：请选择两者之间的日期。',
  valueHoldoutEmpty:
    '校准期的客户在 {start, date, minute} 到观察结束之间都没有购买：请选择更早的验证期开始日期。',
  valueHorizonMonths: '时间范围必须是 1 到 1200 之间的整数个月，而不是 {value}：请重新选择。',
  valueDiscount:
    '月折现率必须是 0（不折现）到 10 之间的数字，例如 0.01 表示 1%，而不是 {value}：请重新选择。',
  valueObservationEnd: '观察结束时间不是日期：请选择一个日期。',
  valueNothingBought: '在观察结束之前没有任何客户购买：请选择更晚的结束日期。',
  bgnbdFewRepeat:
    '只有 {count} 个客户购买过不止一次，太少，无法判断客户如何流失：估计很粗略，请使用时间跨度更长的订单。',
  bgnbdNoDropoutA:
    '拟合没有收敛：几乎没有客户流失（a 趋于零），因此存活概率接近 1；{unit, select, weeks {使用时间跨度更长的订单或按天计数可能有帮助} other {使用时间跨度更长的订单可能有帮助}}。',
  bgnbdNoDropoutB:
    '拟合没有收敛：几乎没有客户流失（b 趋于无穷大），因此存活概率接近 1；{unit, select, weeks {使用时间跨度更长的订单或按天计数可能有帮助} other {使用时间跨度更长的订单可能有帮助}}。',
  bgnbdEdgeZero: '拟合没有收敛：{parameter} 趋于零，这是模型的极限，所以估计值只是找到的最佳值。',
  bgnbdEdgeInfinity:
    '拟合没有收敛：{parameter} 趋于无穷大，这是模型的极限，所以估计值只是找到的最佳值。',
  bgnbdMaxIterations: '拟合在 {count} 次迭代内没有收敛：估计值只是找到的最佳值。',
  bgnbdFlat: '似然函数过于平坦，无法继续改进，拟合在收敛前停止：估计值只是找到的最佳值。',
  spendFewRepeat:
    '只有 {count} 个客户购买过不止一次，太少，无法拟合消费模型：请使用时间跨度更长的订单。',
  spendEdgeZero:
    '消费模型没有收敛：{parameter} 趋于零，这是模型的极限，所以估计值只是找到的最佳值。',
  spendEdgeInfinity:
    '消费模型没有收敛：{parameter} 趋于无穷大，这是模型的极限，所以估计值只是找到的最佳值。',
  spendMaxIterations: '消费模型在 {count} 次迭代内没有收敛：估计值只是找到的最佳值。',
  spendFlat: '似然函数过于平坦，无法继续改进，消费模型在收敛前停止：估计值只是找到的最佳值。',
  spendQAtMostOne:
    '消费模型的 q 为 {q}，不超过 1，因此平均消费没有有限的均值：通常是因为少数客户的消费远高于其他人。',
  valueSpendCorrelation:
    '在重复购买的客户中，购买频次与每次消费金额相关（{correlation, number}），而消费模型假设两者无关：预期消费和客户终身价值只能作为粗略参考。',
  exportValueTable: '客户价值',
  exportValueAtRisk: '流失风险客户',
  cliHoldoutFrom:
    '--holdout-from 必须是日期，例如 2011-09-01，或 "default"（订单的最后四分之一），而不是 "{value}"。',
};
