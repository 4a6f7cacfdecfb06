import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../src/core/analysis/analysisOptions';
import { orderBySize } from '../../src/core/cluster/clusterJob';
import { kmeans } from '../../src/core/cluster/kmeans/kmeans';
import { message } from '../../src/core/common/message';
import { projectPca } from '../../src/core/features/pca';
import type { ModelFile } from '../../src/core/model/modelFile';
import { saveModel, type SaveModelOptions } from '../../src/core/model/saveModel';
import { textSource } from '../../src/core/read/byteSource';
import type { RfmSettings } from '../../src/core/rfm/rfm';
import { AnalysisSession, type SegmentationRequest } from '../../src/core/session/session';
import type { SegmentLabels } from '../../src/core/cluster/segmentLabels';

/** Small, quick k-means settings for tests (the answers do not depend on the search effort). */
export const QUICK: Partial<AnalysisOptions> = {
  nInit: 2,
  kMax: 3,
  k: 3,
  silhouetteSample: 200,
};

export async function openText(text: string, name = 'file.csv'): Promise<AnalysisSession> {
  return AnalysisSession.open(textSource(text), name, {});
}

/** A file's segmentation under options, and the model saved from it. */
export async function savedModel(
  session: AnalysisSession,
  options: Partial<AnalysisOptions>,
  rfm: RfmSettings | null = null,
  names: (string | null)[] = [],
  save: SaveModelOptions = {},
) {
  const request: SegmentationRequest = {
    options: { ...DEFAULT_ANALYSIS_OPTIONS, ...QUICK, ...options },
    rfm,
  };
  const analysis = await session.segmentation(request);
  const model = await saveModel(session, request, analysis.k, names, { savedAt: 0, ...save });
  return { request, analysis, model };
}

/**
 * The model the app would save if its k-means ran on the first `count` principal components of
 * the scaled features (it clusters the features themselves today): the same preparation, the
 * session's own PCA, k-means on the projected rows, segments numbered by size. Returns the model
 * and each analysed row's segment under it.
 */
export function withPca(
  session: AnalysisSession,
  request: SegmentationRequest,
  model: ModelFile,
  count: number,
  k: number,
): { model: ModelFile; labels: SegmentLabels } {
  const { stage } = session.featureStage(request);
  const { matrix, n, d } = stage.data;
  const projected = projectPca(matrix, n, stage.pca, count);
  // Lloyd only: Hartigan's moves (the default local search) may leave a row with a centre
  // that is not its nearest, which no model applied to rows can reproduce (see the report).
  const clustering = kmeans(projected, n, count, { k, nInit: 3, seed: 1, localSearch: false });
  const ordered = orderBySize(clustering.labels, clustering.centroids, clustering.sizes, count);
  return {
    model: {
      ...model,
      preparation: {
        ...model.preparation,
        pca: {
          count,
          components: Array.from(stage.pca.components.subarray(0, count * d)),
          mean: Array.from(stage.pca.mean),
        },
      },
      clustering: {
        algorithm: 'kmeans',
        metric: 'euclidean',
        centres: Array.from(ordered.centroids),
      },
      segments: Array.from(ordered.sizes, (size, id) => ({
        id,
        size,
        share: size / n,
        label: message('labelTypical'),
        name: null,
      })),
      settings: { ...model.settings, k },
    },
    labels: ordered.labels,
  };
}

/** Order lines with known figures: three customers over a few days, one cancellation. */
export const ORDER_LINES = [
  'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice',
  '1,A,2024-01-01 10:00,2,5',
  '2,A,2024-01-05 10:00,1,10',
  '3,B,2024-01-03 09:00,1,4',
  'C4,B,2024-01-04 09:00,1,4',
  '5,C,2024-01-09 12:00,3,1',
  '5,C,2024-01-09 12:00,1,1',
  '6,,2024-01-09 12:00,1,1',
  '7,D,2024-01-02 08:00,0,3',
  '8,E,2024-01-08 08:00,2,2.5',
  '9,F,2024-01-06 08:00,1,7',
].join('\n');

export const ORDER_MAPPING: RfmSettings['mapping'] = {
  customer: 'CustomerID',
  date: 'InvoiceDate',
  order: 'InvoiceNo',
  quantity: 'Quantity',
  price: 'UnitPrice',
  amount: null,
  item: null,
  description: null,
};
