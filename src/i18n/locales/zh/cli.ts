import { cliClassify } from './cliClassify';
import { cliRecommend } from './cliRecommend';
import { cliRules } from './cliRules';
import { cliValue } from './cliValue';
import { cliWorkbooks } from './cliWorkbooks';
import { cliModel } from './cliModel';
import { cliColumns } from './cliColumns';
import { cliReport } from './cliReport';
import { cliCleaning } from './cliCleaning';
import { cliProfiles } from './cliProfiles';
import type { CatalogShape } from '../../catalog';
import type { cli as english } from '../en/cli';

/** 命令行自己的话（报告；JSON 的键仍为英文）。 */
export const cli: CatalogShape<typeof english> = {
  listSeparator: '，',
  noCommand: '没有“{command}”这个命令；运行 segmentlens --help 查看所有命令。',
  internalError: '内部错误：{detail}（请报告这个问题）',
  dropped:
    '{reason, select, malformed {格式错误} duplicate {重复} missing {缺失或非数字} outlier {异常值} other {{reason}}} {count, number} 行',
  analyzeSummary: '{path}：读取 {read, number} 行，分析 {kept, number} 行',
  analyzeSummaryDropped:
    '{path}：读取 {read, number} 行，分析 {kept, number} 行（排除：{dropped}）',
  features:
    '特征（{method, select, zscore {Z 分数标准化} minmax {最小-最大缩放} robust {稳健缩放} other {{method}}}）：{features}',
  algorithm: '算法：{line}',
  algorithmKmeans: 'k-means（轮廓系数：{metric}）',
  algorithmDbscan:
    'DBSCAN，eps {eps}（建议值 {suggested}），最小点数 {minPts}，{metric}：{clusters, number} 个细分群，{noise, number} 个噪声行（细分群 -1）',
  algorithmHierarchy:
    '层次聚类，{linkage, select, ward {Ward} complete {全} average {平均} single {单} other {{linkage}}}连接，{metric}，聚类树基于 {rows, number} 行',
  algorithmHierarchyCut:
    '层次聚类，{linkage, select, ward {Ward} complete {全} average {平均} single {单} other {{linkage}}}连接，{metric}，聚类树基于 {rows, number} 行，在高度 {height} 处切割',
  pca: '主成分：{components}',
  component: 'PC{index} {share, number, share}',
  columnK: 'k',
  columnInertia: '惯性',
  columnSilhouette: '轮廓系数',
  columnDaviesBouldin: 'DB 指数',
  columnCalinskiHarabasz: 'CH 指数',
  recommended: '推荐 k = {k}。{reason}',
  silhouetteOn: '轮廓系数基于 {rows, number} 行计算。',
  segments: '细分群（k = {k}）：',
  clusterWarnings: '警告：',
  notes: '说明：',
  wroteAnalyze: '已将 segments.csv、每个细分群的 CSV 和 set-aside.csv 写入 {out}',
  removedStale: '已从 {out} 删除之前运行留下的 {count, number} 个细分群文件：{files}',
  compareIntro:
    '在 {rows, number} 行上比较（轮廓系数基于 {sample, number} 行，{metric}；指标不计噪声）：',
  columnAlgorithm: '算法',
  columnSegments: '细分群数',
  columnNoise: '噪声',
  columnSettings: '设置',
  algorithmName:
    '{algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {层次聚类} other {{algorithm}}}',
  agreement: '一致性（调整兰德指数）：',
  rfmSummary:
    '{path}：读取 {read, number} 条订单行，使用 {used, number} 条，共 {customers, number} 个客户',
  rfmColumns: '使用的列：{list}。',
  rfmColumnChoice:
    '{flag}（{how, select, name {按列名识别} content {按列内容识别} other {由参数指定}}）',
  leftOut: '排除：',
  ordersSpan:
    '订单从 {first, date, minute} 到 {last, date, minute}；最近一次购买天数计算到 {snapshot, date, minute}。',
  columnSegment: '细分群',
  columnCustomers: '客户数',
  columnShare: '占比',
  columnMeanRecency: '平均最近购买天数',
  columnMeanFrequency: '平均购买频次',
  columnMeanMonetary: '平均消费金额',
  columnRevenue: '收入占比',
  rfmClusters:
    '基于最近购买天数、log1p(购买频次) 和 log1p(消费金额)（均已标准化）的聚类：k = {k}（推荐 {recommended}）。',
  wroteRfm: '已将 rfm.csv 和 set-aside.csv 写入 {out}',
  ...cliRules,
  ...cliRecommend,
  ...cliValue,
  ...cliClassify,
  ...cliWorkbooks,
  ...cliModel,
  ...cliColumns,
  ...cliReport,
  ...cliCleaning,
  ...cliProfiles,
};
