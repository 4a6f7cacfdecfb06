import type { CatalogShape } from '../../catalog';
import type { cliValue as english } from '../en/cliValue';

export const cliValue: CatalogShape<typeof english> = {
  valueSummary:
    '{path}：读取 {read, number} 条订单行，使用 {used, number} 条：{customers, number} 个客户，其中 {repeat, number} 个有重复购买；每{unit, select, days {天} weeks {周} other {{unit}}}最多计一次购买，观察截至 {end, date, minute}。',
  valueBgnbd:
    'BG/NBD（购买与流失）：r = {r}，alpha = {alpha}，a = {a}，b = {b}；对数似然 {logLikelihood}',
  valueGammaGamma: 'Gamma-Gamma（每次购买的消费）：p = {p}，q = {q}，v = {v}',
  valueNoGammaGamma: 'Gamma-Gamma（每次购买的消费）：未拟合。',
  valueCorrelation: '重复购买客户中购买频次与消费金额的相关系数：{value}',
  valuePurchases: '未来 {days, number} 天的预期购买次数：{purchases, number, ::.0}',
  valueTotalClv:
    '未来 {months, number} 个月的客户终身价值（每月折现 {discount, number, share}）：合计 {clv, number, ::.00}',
  valueBySegment: '按 RFM 细分群的价值（{scheme}）：',
  valueByCluster: '按 RFM k-means 聚类的价值（k = {k}）：',
  valueColumnCluster: '聚类',
  valueColumnMeanPAlive: '平均存活概率',
  valueColumnMeanPurchases: '平均预期购买次数',
  valueColumnMeanClv: '平均终身价值',
  valueColumnShareOfValue: '终身价值占比',
  valueNoHoldout: '验证期检验：未进行。',
  valueHoldout:
    '验证期检验：用 {start, date, minute} 之前的订单拟合，模型预计其 {customers, number} 个客户到 {end, date, minute} 会重复购买 {predicted} 次；实际为 {actual, number} 次。按验证期前的重复购买次数，每个客户的平均值：',
  valueColumnFrequency: '验证期前重复购买次数',
  valueColumnActual: '实际',
  valueColumnPredicted: '预测',
  valueAtRisk:
    '{count, plural, =0 {流失风险客户（重复消费位于前四分之一，存活概率低于 0.5）：无。} other {流失风险客户（重复消费位于前四分之一，存活概率低于 0.5）：{count, number} 个，按风险价值从高到低：}}',
  valueColumnCustomer: '客户',
  valueColumnPAlive: '存活概率',
  valueColumnRepeatSpend: '重复消费',
  valueColumnClv: '终身价值',
  wroteValue: '已将 value.csv 和 at-risk.csv 写入 {out}',
};
