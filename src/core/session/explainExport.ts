import { effectiveKinds } from '../analysis/analysisOptions';
import { PART_NONE, PART_NAMES } from '../classify/stratifiedSplit';
import { message } from '../common/message';
import { exportFileName, numberColumns } from '../export/exportCsv';
import { inferColumns } from '../read/inferColumns';
import { explanationFor, type ExplainRequest } from './explainSession';
import { recordsCsvParts } from './recordsCsv';
import type { AnalysisSession } from './session';
import type { ExportParts, Render } from './sessionExports';

/**
 * explained.csv: every analysed row with its original cells, its `segment` (-1 for DBSCAN's
 * noise), the `split` the explanation tree was fitted (`train`) and tested (`test`) on (empty for
 * a row not in the sample, and for IMM, which uses every row), and `tree_segment`, the segment
 * the tree gives it (empty for noise). For a segmentation of RFM customers, a row per customer.
 */
export async function explainedExport(
  session: AnalysisSession,
  request: ExplainRequest,
  render: Render,
): Promise<ExportParts> {
  const { stage, explanation, imm } = await explanationFor(session, request);
  const { table, analysis, result } = stage;
  const treeSegment = explanation?.treeSegment ?? imm!.assignment;
  const part = explanation?.part ?? null;
  const kinds = effectiveKinds(
    table === session.table ? session.columns : inferColumns(table),
    stage.options.kinds,
  );
  const parts = recordsCsvParts(
    table,
    analysis.rows,
    {
      names: ['segment', 'split', 'tree_segment'],
      cells: (r, cells) => {
        const segment = result.labels[r];
        const where = part === null ? PART_NONE : part[r];
        cells.push(
          String(segment),
          where === PART_NONE ? '' : PART_NAMES[where],
          segment < 0 ? '' : String(treeSegment[r]),
        );
      },
    },
    numberColumns(kinds),
  );
  const suffix = message('exportExplained', { k: request.k, method: request.method });
  return { parts, fileName: exportFileName(session.fileName, render(suffix)) };
}
