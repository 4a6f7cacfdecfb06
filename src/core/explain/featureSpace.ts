import type { FeatureSource } from '../clean/cleanOptions';
import { message, type Message } from '../common/message';

/**
 * The features a tree splits on, as the user knows them: a numeric column in its own units, or
 * one category of a categorical column (a one-hot feature, 0 or 1). Column names and categories
 * are user data: they are only ever text here.
 */
export type FeatureDescriptor =
  | {
      kind: 'numeric';
      column: string;
      /** Whether the clustering took log(1 + x) of it before scaling (IMM undoes it). */
      log1p: boolean;
      /**
       * The feature's name in the reader's language when it is not the user's column (RFM's
       * recency, frequency and monetary); the column's name otherwise.
       */
      label?: Message;
    }
  | { kind: 'category'; column: string; category: string };

/**
 * Descriptors of the cleaned features (cleanRows' FeatureSource: numeric, log1p or one-hot);
 * `labels` names the numeric features that are not the user's columns.
 */
export function describeFeatures(
  sources: readonly FeatureSource[],
  labels: ReadonlyMap<string, Message> = new Map(),
): FeatureDescriptor[] {
  return sources.map((source): FeatureDescriptor => {
    if (source.transform === 'onehot')
      return { kind: 'category', column: source.column, category: source.category ?? '' };
    const label = labels.get(source.column);
    return {
      kind: 'numeric',
      column: source.column,
      log1p: source.transform === 'log1p',
      ...(label === undefined ? {} : { label }),
    };
  });
}

/** RFM's features, named in the reader's language wherever a rule or a tree speaks of them. */
export const RFM_FEATURE_LABELS: ReadonlyMap<string, Message> = new Map([
  ['recency', message('rfmFeatureRecency')],
  ['frequency', message('rfmFeatureFrequency')],
  ['monetary', message('rfmFeatureMonetary')],
]);

/**
 * An RFM feature's words in the reader's language, whether the feature is the figure itself
 * ("recency") or its log ("log1p(frequency)", as the cleaning names it); undefined for any other
 * name. The page's charts and tables and the report name RFM's features by this.
 */
export function rfmFeatureLabel(feature: string): Message | undefined {
  const log = /^log1p\((.*)\)$/.exec(feature);
  const label = RFM_FEATURE_LABELS.get(log === null ? feature : log[1]);
  return label === undefined || log === null ? label : message('featureLog1p', { feature: label });
}

/** How a feature is named on its own: "Annual Income (k$)" (its column), "Region is East". */
export function featureName(feature: FeatureDescriptor): string | Message {
  return feature.kind === 'numeric'
    ? (feature.label ?? feature.column)
    : message('explainIs', { column: feature.column, category: feature.category });
}

/**
 * A threshold as people read it: whole numbers as they are, others with six significant digits
 * but never fewer than one decimal (69.5, 2.45, 58138.5, 1234567.5), trailing zeros dropped.
 * Tree thresholds lie midway between two values of the data, so this never reads as one of them.
 */
export function formatThreshold(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1) return String(Number(value.toPrecision(6)));
  const digits = Math.floor(Math.log10(magnitude)) + 1;
  const text = value.toFixed(Math.min(20, Math.max(1, 6 - digits)));
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * The number a condition quotes: the threshold with formatThreshold's digits (2.4500000476837158
 * is 2.45), which the message renders with all of them in the user's language.
 */
export function readableThreshold(value: number): number {
  return Number(formatThreshold(value));
}

/** Which way a row goes at a split: value <= threshold is left. */
export type Side = 'left' | 'right';

/**
 * One split as a condition: "Annual Income (k$) <= 69.5" / "> 69.5"; for a category (a 0/1
 * feature, threshold between 0 and 1) "Region is not East" / "Region is East".
 */
export function splitCondition(feature: FeatureDescriptor, side: Side, threshold: number): Message {
  if (feature.kind === 'category')
    return message(side === 'left' ? 'explainIsNot' : 'explainIs', {
      column: feature.column,
      category: feature.category,
    });
  return message(side === 'left' ? 'explainAtMost' : 'explainAbove', {
    feature: feature.label ?? feature.column,
    threshold: readableThreshold(threshold),
  });
}

/** A split on a path from the root: the feature, its threshold and the side taken. */
export interface PathStep {
  feature: number;
  threshold: number;
  side: Side;
}

/**
 * The conditions of a path, merged so that each column is named once, in the order the path
 * first meets it: two bounds on a number make one range ("30 < Age <= 50"), and the categories
 * of one column one statement ("Region is East"; "Region is neither East nor West").
 */
export function describePath(
  steps: readonly PathStep[],
  features: readonly FeatureDescriptor[],
): Message[] {
  const order: string[] = [];
  const labels = new Map<string, Message>();
  const numeric = new Map<string, { low: number; high: number }>();
  const categories = new Map<string, { is: string[]; not: string[] }>();
  for (const step of steps) {
    const feature = features[step.feature];
    if (!order.includes(feature.column)) order.push(feature.column);
    if (feature.kind === 'numeric') {
      if (feature.label !== undefined) labels.set(feature.column, feature.label);
      const range = numeric.get(feature.column) ?? { low: -Infinity, high: Infinity };
      if (step.side === 'left') range.high = Math.min(range.high, step.threshold);
      else range.low = Math.max(range.low, step.threshold);
      numeric.set(feature.column, range);
    } else {
      const known = categories.get(feature.column) ?? { is: [], not: [] };
      const list = step.side === 'right' ? known.is : known.not;
      if (!list.includes(feature.category)) list.push(feature.category);
      categories.set(feature.column, known);
    }
  }
  return order.map((column) => {
    const range = numeric.get(column);
    if (range) {
      const { low, high } = range;
      const feature = labels.get(column) ?? column;
      if (low === -Infinity)
        return message('explainAtMost', { feature, threshold: readableThreshold(high) });
      if (high === Infinity)
        return message('explainAbove', { feature, threshold: readableThreshold(low) });
      return message('explainBetween', {
        feature,
        low: readableThreshold(low),
        high: readableThreshold(high),
      });
    }
    const { is, not } = categories.get(column)!;
    // A row has one category, so "is East" says all that "is not West" would.
    if (is.length > 0)
      return allOf(is.map((category) => message('explainIs', { column, category })));
    if (not.length === 1) return message('explainIsNot', { column, category: not[0] });
    if (not.length === 2)
      return message('explainNeither', { column, first: not[0], second: not[1] });
    return message('explainNoneOf', { column, categories: listOf(not) });
  });
}

/** Conditions that all hold, as one message: "A and B and C" ("A 且 B 且 C"); "Every row" for none. */
export function allOf(conditions: readonly Message[]): Message {
  if (conditions.length === 0) return message('explainEveryRow');
  return conditions
    .slice(0, -1)
    .reduceRight<Message>(
      (rest, first) => message('explainAnd', { first, rest }),
      conditions[conditions.length - 1],
    );
}

/** Items (texts or messages) as one message: "East, West, North" ("East、West、North"). */
export function listOf(items: readonly (string | Message)[]): string | Message {
  if (items.length === 0) return '';
  return items
    .slice(0, -1)
    .reduceRight<string | Message>(
      (rest, first) => message('explainListMore', { first, rest }),
      items[items.length - 1],
    );
}

/** A tree in flat arrays, as both CART and IMM trees are stored. */
export interface FlatTree {
  nodeCount: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
}

/** Every leaf of a tree with the steps that lead to it, leaves in node order. */
export function leafPaths(tree: FlatTree): { leaf: number; steps: PathStep[] }[] {
  const paths: { leaf: number; steps: PathStep[] }[] = [];
  const walk = (node: number, steps: PathStep[]) => {
    if (tree.feature[node] < 0) {
      paths.push({ leaf: node, steps });
      return;
    }
    const feature = tree.feature[node];
    const threshold = tree.threshold[node];
    walk(tree.left[node], [...steps, { feature, threshold, side: 'left' }]);
    walk(tree.right[node], [...steps, { feature, threshold, side: 'right' }]);
  };
  walk(0, []);
  return paths.sort((a, b) => a.leaf - b.leaf);
}
