import { rowsRead } from './analyzeReport';
import type { AnalysisResult } from '../core/analysis/analysisResult';
import type { ClassificationReport } from '../core/classify/classificationMetrics';
import type { Message } from '../core/common/message';
import type { ExplainView } from '../core/session/explainViews';
import { textTable, type Voice } from './voice';

/** A name that is the user's text or a message, in the voice's language. */
export function nameText(name: string | Message, voice: Voice): string {
  return typeof name === 'string' ? name : voice.say(name);
}

/** classification_report as JSON: per class (or segment), then accuracy and the averages. */
export function reportJson(report: ClassificationReport, names: readonly string[], key: string) {
  return {
    [key]: Array.from(report.precision, (_, c) => ({
      [key === 'segments' ? 'segment' : 'class']: key === 'segments' ? c : names[c],
      ...(key === 'segments' ? { name: names[c] } : {}),
      precision: report.precision[c],
      recall: report.recall[c],
      f1: report.f1[c],
      support: report.support[c],
    })),
    accuracy: report.accuracy,
    macro: report.macro,
    weighted: report.weighted,
  };
}

/** A k x k row-major matrix as rows. */
export function matrixRows(matrix: Int32Array, k: number): number[][] {
  return Array.from({ length: k }, (_, a) => Array.from(matrix.subarray(a * k, a * k + k)));
}

/** The explanation as the issue specifies it: tree, rules per segment, fidelity, report, confusion. */
export function explainJson(analysis: AnalysisResult, view: ExplainView, voice: Voice) {
  const names = view.segmentNames.map((name) => nameText(name, voice));
  const features = view.features.map((feature) => nameText(feature.name, voice));
  const { tree } = view;
  return {
    method: view.method,
    algorithm: analysis.algorithm,
    k: view.k,
    features,
    rows: { read: analysis.cleaning.read, dropped: analysis.cleaning.dropped, ...view.rows },
    ...(tree === null ? {} : { depth: tree.depth, minRowsPerLeaf: tree.minRowsPerLeaf }),
    tree: view.nodes.map((node) => ({
      node: node.node,
      depth: node.depth,
      feature: node.feature < 0 ? null : features[node.feature],
      featureIndex: node.feature,
      threshold: node.threshold,
      left: node.left,
      right: node.right,
      rows: node.rows,
      counts: node.counts,
      ...(node.fitted === null ? {} : { fittedCounts: node.fitted, tied: node.tied }),
      segment: node.segment,
    })),
    rules: names.map((name, segment) => ({
      segment,
      name,
      rules: view.rules
        .filter((rule) => rule.segment === segment)
        .map((rule) => ({
          text: voice.say(rule.text),
          conditions: rule.conditions.map(voice.say),
          leaf: rule.leaf,
          rows: rule.rows,
          matching: rule.matching,
        })),
    })),
    ...(tree === null
      ? {}
      : {
          fidelity: tree.fidelity,
          report: reportJson(tree.report.test, names, 'segments'),
          reportAll: reportJson(tree.report.all, names, 'segments'),
          confusion: matrixRows(tree.confusion.test, view.k),
          confusionAll: matrixRows(tree.confusion.all, view.k),
          poorlyExplained: tree.poorlyExplained.map((poor) => ({
            segment: poor.segment,
            f1: poor.f1,
            sentence: voice.say(poor.sentence),
          })),
        }),
    ...(view.imm === null ? {} : { imm: view.imm }),
    notes: view.notes.map(voice.say),
  };
}

/** The readable explanation: what was explained, how faithfully, the rules, the report. */
export function explainText(
  path: string,
  analysis: AnalysisResult,
  view: ExplainView,
  out: string | undefined,
  voice: Voice,
): string {
  const names = view.segmentNames.map((name) => nameText(name, voice));
  const { tree, imm } = view;
  const lines = [
    rowsRead(path, analysis.cleaning, voice),
    voice.text('explainSummary', {
      rows: view.rows.explained,
      k: view.k,
      algorithm: voice.text('algorithmName', { algorithm: analysis.algorithm }),
      method: view.method,
      depth: tree?.depth ?? 0,
      leaf: tree?.minRowsPerLeaf ?? 0,
    }),
  ];
  if (tree !== null) {
    lines.push(
      voice.text('explainSample', { train: view.rows.train, test: view.rows.test }),
      voice.text('explainFidelity', tree.fidelity),
    );
  }
  if (imm !== null)
    lines.push(
      voice.text('explainImmCost', {
        cost: imm.cost,
        clustering: imm.clusteringCost,
        ratio: imm.ratio ?? 0,
        moved: imm.moved,
      }),
    );
  lines.push('', voice.text('explainRules'), ...view.rules.map((r) => `  - ${voice.say(r.text)}`));
  if (tree !== null) {
    const report = tree.report.test;
    const figure = (value: number) => value.toFixed(3);
    const average = (label: string, scores: ClassificationReport['macro']) => [
      '',
      label,
      figure(scores.precision),
      figure(scores.recall),
      figure(scores.f1),
      String(scores.support),
    ];
    lines.push(
      '',
      voice.text('explainReportTitle'),
      ...textTable(
        (
          [
            'columnSegment',
            'columnName',
            'columnPrecision',
            'columnRecall',
            'columnF1',
            'columnSupport',
          ] as const
        ).map((key) => voice.text(key)),
        [
          ...names.map((name, s) => [
            String(s),
            name,
            figure(report.precision[s]),
            figure(report.recall[s]),
            figure(report.f1[s]),
            String(report.support[s]),
          ]),
          average(voice.text('rowMacro'), report.macro),
          average(voice.text('rowWeighted'), report.weighted),
        ],
        [true, false, true, true, true, true],
      ),
      '',
      voice.text('explainConfusion'),
      ...textTable(
        ['', ...names.map((_, s) => String(s))],
        matrixRows(tree.confusion.test, view.k).map((row, s) => [String(s), ...row.map(String)]),
        [true, ...names.map(() => true)],
      ),
    );
    if (tree.poorlyExplained.length > 0)
      lines.push(
        '',
        voice.text('explainPoor'),
        ...tree.poorlyExplained.map((poor) => `  - ${voice.say(poor.sentence)}`),
      );
  }
  if (view.notes.length > 0)
    lines.push('', voice.text('notes'), ...view.notes.map((note) => `  - ${voice.say(note)}`));
  if (out !== undefined) lines.push('', voice.text('wroteExplain', { out }));
  return lines.join('\n') + '\n';
}
