import { effectiveKinds } from '../analysis/analysisOptions';
import { PART_NONE, PART_NAMES } from '../classify/stratifiedSplit';
import { message } from '../common/message';
import { exportFileName, numberColumns } from '../export/exportCsv';
import { NO_SEGMENT_NAMES, segmentNameOf, type SegmentNames } from '../export/segmentNames';
import { inferColumns } from '../read/inferColumns';
import type { ExplainRequest } from './explainRequest';
import { explanationFor } from './explainSession';
import { recordsCsvParts } from './recordsCsv';
import type { AnalysisSession } from './session';
import type { ExportParts, Render } from './sessionExports';

/**
 * explained.csv: every analysed row with its original cells, its `segment` (-1 for DBSCAN's
 * noise) and `segment_name` (the name the user gave it, or its label), the `split` the explanation tree was fitted (`train`) and tested (`test`) on (empty for
 * a row not in the sample, and for IMM, which uses every row), and `tree_segment`, the segment
 * the tree gives it (empty for noise). For a segmentation of RFM customers, a row per customer.
 */
export async function explainedExport(
  session: AnalysisSession,
  request: ExplainRequest,
  render: Render,
  names: SegmentNames = NO_SEGMENT_NAMES,
): Promise<ExportParts> {
  const { stage, explanation, imm } = await explanationFor(session, request);
  const { table, analysis, result } = stage;
  // Each segment's name as the other exports write it: the user's, or the suggested label.
  const segmentName = new Map(
    result.profiles.segments.map((s) => [s.id, segmentNameOf(names, s.id) ?? render(s.label)]),
  );
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
      names: ['segment', 'segment_name', 'split', 'tree_segment'],
      cells: (r, cells) => {
        const segment = result.labels[r];
        const where = part === null ? PART_NONE : part[r];
        cells.push(
          String(segment),
          segmentName.get(segment) ?? '',
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
