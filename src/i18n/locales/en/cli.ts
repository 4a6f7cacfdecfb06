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
/** The command line's own words (its reports; JSON keys stay English). */
export const cli = {
  listSeparator: ', ',
  noCommand: 'there is no command "{command}"; run segmentlens --help for the commands.',
  internalError: 'internal error: {detail} (please report it)',
  dropped:
    '{count, number} {reason, select, malformed {malformed} duplicate {duplicate} missing {missing or not a number} outlier {outlier} other {{reason}}}',
  analyzeSummary: '{path}: {read, number} rows read, {kept, number} analysed',
  analyzeSummaryDropped:
    '{path}: {read, number} rows read, {kept, number} analysed (set aside: {dropped})',
  features:
    'Features ({method, select, zscore {z-score} minmax {min-max} robust {robust} other {{method}}}): {features}',
  algorithm: 'Algorithm: {line}',
  algorithmKmeans: 'k-means (silhouette: {metric})',
  algorithmDbscan:
    'DBSCAN, eps {eps} (suggested {suggested}), {minPts} minimum points, {metric}: {clusters, plural, one {# segment} other {# segments}}, {noise, number} noise rows (segment -1)',
  algorithmHierarchy:
    'hierarchical, {linkage, select, ward {Ward} complete {complete} average {average} single {single} other {{linkage}}} linkage, {metric}, tree on {rows, number} rows',
  algorithmHierarchyCut:
    'hierarchical, {linkage, select, ward {Ward} complete {complete} average {average} single {single} other {{linkage}}} linkage, {metric}, tree on {rows, number} rows, cut at height {height}',
  pca: 'PCA: {components}',
  component: 'PC{index} {share, number, share}',
  columnK: 'k',
  columnInertia: 'inertia',
  columnSilhouette: 'silhouette',
  columnDaviesBouldin: 'Davies-Bouldin',
  columnCalinskiHarabasz: 'Calinski-Harabasz',
  recommended: 'Recommended k = {k}. {reason}',
  silhouetteOn: 'Silhouette on {rows, number} rows.',
  segments: 'Segments (k = {k}):',
  clusterWarnings: 'Warnings:',
  notes: 'Notes:',
  wroteAnalyze: 'Wrote segments.csv, one CSV per segment and set-aside.csv to {out}',
  removedStale:
    'Removed {count, plural, one {# segment file} other {# segment files}} of an earlier run from {out}: {files}',
  compareIntro:
    'Comparison on {rows, number} rows (silhouette on {sample, number}, {metric}; noise left out of the indices):',
  columnAlgorithm: 'algorithm',
  columnSegments: 'segments',
  columnNoise: 'noise',
  columnSettings: 'settings',
  algorithmName:
    '{algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {Hierarchical} other {{algorithm}}}',
  agreement: 'Agreement (adjusted Rand index):',
  rfmSummary:
    '{path}: {read, number} order lines read, {used, number} used, {customers, number} customers',
  rfmColumns: 'Columns: {list}.',
  rfmColumnChoice:
    '{flag} ({how, select, name {recognised by its name} content {recognised by its content} other {given}})',
  leftOut: 'Left out:',
  ordersSpan:
    'Orders from {first, date, minute} to {last, date, minute}; recency counted to {snapshot, date, minute}.',
  columnSegment: 'segment',
  columnCustomers: 'customers',
  columnShare: 'share',
  columnMeanRecency: 'mean recency',
  columnMeanFrequency: 'mean frequency',
  columnMeanMonetary: 'mean monetary',
  columnRevenue: 'revenue',
  rfmClusters:
    'Clusters on log1p(frequency), log1p(monetary) and recency, standardised: k = {k} (recommended {recommended}).',
  wroteRfm: 'Wrote rfm.csv and set-aside.csv to {out}',
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
} as const;
