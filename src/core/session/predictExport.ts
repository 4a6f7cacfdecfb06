import { PART_NONE, PART_NAMES } from '../classify/stratifiedSplit';
import { message } from '../common/message';
import { exportFileName, neutraliseCell, numberColumns } from '../export/exportCsv';
import type { PredictRequest } from './predictRequest';
import { predictData, trainedModels } from './predictSession';
import { recordsCsvParts } from './recordsCsv';
import type { AnalysisSession } from './session';
import type { ExportParts, Render } from './sessionExports';

/**
 * predictions.csv: every record of the file with its original cells, its `split` (`train`,
 * `test`, or empty for a row not trained or tested on), and per model chosen (in the order
 * logistic, tree, forest) `<model>_prediction` (the class, as the file writes it) and
 * `<model>_probability`: for a yes/no target the positive class's probability (see
 * positiveClass: 1 of 0/1, "Yes" of No/Yes), else the predicted class's. Rows cleaning set aside
 * have both empty; rows without a target value are predicted, with `split` empty. Excel-safe.
 */
export async function predictionsExport(
  session: AnalysisSession,
  request: PredictRequest,
  render: Render,
): Promise<ExportParts> {
  const data = predictData(session, request);
  const { split, models } = await trainedModels(session, request, data);
  const { table } = session;
  const { classes } = data.input;
  // Each record's row in the prediction data, or -1.
  const rowOf = new Int32Array(table.rowCount).fill(-1);
  data.records.forEach((record, i) => (rowOf[record] = i));
  const results = models.map(({ model }) => model.result);
  const names = ['split'];
  for (const result of results)
    names.push(`${result.model}_prediction`, `${result.model}_probability`);
  const records = Int32Array.from({ length: table.rowCount }, (_, i) => i);
  const parts = recordsCsvParts(
    table,
    records,
    {
      names,
      cells: (record, cells) => {
        const i = rowOf[record];
        const part = i < 0 ? PART_NONE : split.part[i];
        cells.push(part === PART_NONE ? '' : PART_NAMES[part]);
        for (const result of results) {
          if (i < 0) cells.push('', '');
          else
            cells.push(
              neutraliseCell(classes[result.prediction[i]], false),
              String(result.probability[i]),
            );
        }
      },
    },
    numberColumns(session.columns.map((c) => c.kind)),
  );
  const suffix = message('exportPredictions', { target: request.target });
  return { parts, fileName: exportFileName(session.fileName, render(suffix)) };
}
