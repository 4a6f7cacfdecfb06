import { resultFor } from '../analysis/analysisResult';
import { UserError } from '../common/userError';
import { segmentDistribution, type FeatureDistribution } from '../profile/segmentDistribution';
import { columnIndex } from '../read/table';
import type { AnalysisSession, SegmentationRequest } from './session';

export interface DistributionRequest {
  segmentation: SegmentationRequest;
  k: number;
  /** A numeric column of the analysed table (clustered on or not). */
  feature: string;
}

/**
 * One numeric column's spread per segment of a segmentation, in the column's own units (the
 * file's values, missing cells left out, as the profiles' means): for the page's box plots and
 * `analyze --distribution`. Seeded by the segmentation's seed when it samples.
 */
export async function distributionView(
  session: AnalysisSession,
  { segmentation, k, feature }: DistributionRequest,
): Promise<FeatureDistribution> {
  const analysis = await session.segmentation(segmentation);
  const { table, options } = session.featureStage(segmentation);
  const numeric = analysis.columns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  if (!numeric.includes(feature))
    throw new UserError('bad-option', 'distributionNotNumeric', {
      name: feature,
      columns: numeric.join(', '),
    });
  const result = resultFor(analysis, k);
  if (result === null) throw new UserError('bad-option', 'distributionNoK', { k });
  const column = table.columns[columnIndex(table, feature)].numbers;
  const { rows } = analysis;
  // Rows are ascending and distinct: when every record is analysed, the column is the values.
  let values = column;
  if (rows.length !== table.rowCount) {
    values = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) values[r] = column[rows[r]];
  }
  return segmentDistribution(feature, values, result.labels, { seed: options.seed });
}
