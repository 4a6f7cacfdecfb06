import type { ClassificationReport } from '../core/classify/classificationMetrics';
import type { ModelView, PredictView } from '../core/session/predictViews';
import { matrixRows, nameText, reportJson } from './explainReport';
import { textTable, type Voice } from './voice';

/** The prediction as the issue specifies it: per model its figures, and the split. */
export function predictJson(view: PredictView, voice: Voice) {
  const features = view.features.map((feature) => nameText(feature.name, voice));
  const K = view.classes.length;
  return {
    target: view.target,
    classes: view.classes,
    positive: view.positive?.value ?? null,
    features,
    rows: view.rows,
    split: view.split,
    models: Object.fromEntries(
      view.models.map((model) => [
        model.model,
        {
          label: voice.say(model.label),
          accuracy: model.accuracy,
          precision: model.precision,
          recall: model.recall,
          f1: model.f1,
          rocAuc: model.rocAuc,
          report: reportJson(model.report, view.classes, 'classes'),
          confusion: matrixRows(model.confusion, K),
          importances: model.importances.map((f) => ({
            feature: nameText(f.feature, voice),
            importance: f.importance,
          })),
          trainAccuracy: model.trainAccuracy,
          trainingMs: model.trainingMs,
          ...(model.roc === null
            ? {}
            : {
                roc: {
                  falsePositiveRate: Array.from(model.roc.falsePositiveRate),
                  truePositiveRate: Array.from(model.roc.truePositiveRate),
                },
              }),
          ...(model.coefficients === null
            ? {}
            : {
                coefficients: Array.from({ length: model.coefficients.rows }, (_, r) =>
                  Array.from(
                    model.coefficients!.values.subarray(
                      r * features.length,
                      (r + 1) * features.length,
                    ),
                  ),
                ),
                intercepts: Array.from(model.coefficients.intercepts),
              }),
          ...(model.tree === null ? {} : { tree: model.tree }),
        },
      ]),
    ),
    notes: view.notes.map(voice.say),
  };
}

/** The readable comparison: rows used, the three models side by side, then each in detail. */
export function predictText(
  path: string,
  view: PredictView,
  out: string | undefined,
  voice: Voice,
): string {
  const { rows } = view;
  const dropped = voice.list(
    Object.entries(rows.leftOut)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => voice.text('dropped', { reason, count })),
  );
  const figure = (value: number | null) => (value === null ? '' : value.toFixed(3));
  const lines = [
    voice.text(view.positive === null ? 'predictSummary' : 'predictSummaryBinary', {
      path,
      target: view.target,
      classes: voice.list(view.classes),
      positive: view.positive?.value ?? '',
      features: view.features.length,
    }),
    voice.text('predictRows', {
      read: rows.read,
      train: rows.train,
      test: rows.test,
      unlabelled: rows.unlabelled,
      target: view.target,
    }),
  ];
  if (dropped) lines.push(voice.text('predictSetAside', { dropped }));
  lines.push(
    '',
    ...textTable(
      (
        [
          'columnModel',
          'columnAccuracy',
          'columnPrecision',
          'columnRecall',
          'columnF1',
          'columnRocAuc',
          'columnTrainAccuracy',
          'columnSeconds',
        ] as const
      ).map((key) => voice.text(key)),
      view.models.map((model) => [
        voice.say(model.label),
        figure(model.accuracy),
        figure(model.precision),
        figure(model.recall),
        figure(model.f1),
        figure(model.rocAuc),
        figure(model.trainAccuracy),
        (model.trainingMs / 1000).toFixed(2),
      ]),
      [false, true, true, true, true, true, true, true],
    ),
  );
  for (const model of view.models) lines.push('', ...modelText(model, view, voice));
  if (view.notes.length > 0)
    lines.push('', voice.text('notes'), ...view.notes.map((note) => `  - ${voice.say(note)}`));
  if (out !== undefined) lines.push('', voice.text('wrotePredict', { out }));
  return lines.join('\n') + '\n';
}

/** One model in detail: its report per class, confusion matrix, and most important features. */
function modelText(model: ModelView, view: PredictView, voice: Voice): string[] {
  const { classes } = view;
  const { report } = model;
  const figure = (value: number) => value.toFixed(3);
  const average = (label: string, scores: ClassificationReport['macro']) => [
    label,
    figure(scores.precision),
    figure(scores.recall),
    figure(scores.f1),
    String(scores.support),
  ];
  return [
    voice.text('predictModelTitle', { model: voice.say(model.label) }),
    ...textTable(
      (
        ['columnClass', 'columnPrecision', 'columnRecall', 'columnF1', 'columnSupport'] as const
      ).map((key) => voice.text(key)),
      [
        ...classes.map((value, c) => [
          value,
          figure(report.precision[c]),
          figure(report.recall[c]),
          figure(report.f1[c]),
          String(report.support[c]),
        ]),
        average(voice.text('rowMacro'), report.macro),
        average(voice.text('rowWeighted'), report.weighted),
      ],
      [false, true, true, true, true],
    ),
    voice.text('predictConfusion'),
    ...textTable(
      ['', ...classes],
      matrixRows(model.confusion, classes.length).map((row, c) => [classes[c], ...row.map(String)]),
      [false, ...classes.map(() => true)],
    ),
    voice.text('predictImportances', {
      features: voice.list(
        model.importances.slice(0, 5).map((f) =>
          voice.text('predictImportance', {
            feature: nameText(f.feature, voice),
            share: f.importance,
          }),
        ),
      ),
    }),
  ];
}
