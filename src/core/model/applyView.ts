import type { LineReport } from '../rfm/orderLines';
import { rfmFeatureLabel } from '../explain/featureSpace';
import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import type { AnalysisSession } from '../session/session';
import { applyModel } from './applyModel';
import type { ModelFile } from './modelFile';
import { APPLY_REASONS, type ApplyReason } from './prepareRows';

/** A feature's mean moved by more than this many saved standard deviations is drift. */
export const DRIFT_SDS = 0.5;

const REASON_LABELS: Record<ApplyReason, Message['key']> = {
  malformed: 'applyReasonMalformed',
  missing: 'applyReasonMissing',
  negative: 'applyReasonNegative',
  outlier: 'applyReasonOutlier',
};

/** One segment's size now next to its size on the saved file. */
export interface AppliedSegment {
  id: number;
  /** The analysis' label, and the user's name for the segment (shown instead when set). */
  label: Message;
  name: string | null;
  savedSize: number;
  savedShare: number;
  size: number;
  share: number;
}

/** A kept feature's mean on the scored rows against the saved mean, in saved SDs. */
export interface FeatureDrift {
  feature: string;
  savedMean: number;
  savedStd: number;
  mean: number;
  /** (mean - savedMean) / savedStd; null when the saved SD is 0 or nothing was scored. */
  shift: number | null;
  drifted: boolean;
}

/**
 * What the page shows after "Apply to a new file": sizes next to the saved ones, rows set aside
 * and why, drift (features whose mean moved by more than DRIFT_SDS saved SDs, categories never
 * seen). Plain data and messages, bounded by the number of segments and features: it crosses
 * to the page by structured clone.
 */
export interface ApplyView {
  kind: 'rows' | 'rfm';
  savedFile: string;
  file: string;
  /** Rows (RFM: customers) in the file, scored, and set aside by reason. */
  read: number;
  scored: number;
  setAside: { reason: ApplyReason; label: Message; count: number }[];
  segments: AppliedSegment[];
  /** DBSCAN: noise rows on the saved file and now; null for other algorithms. */
  noise: { saved: number; now: number } | null;
  drift: FeatureDrift[];
  unseen: { column: string; count: number; values: string[] }[];
  /** One sentence per drifted feature and per column with unseen values. */
  notes: Message[];
  /** RFM models: the named segments' sizes now and when saved. */
  rfm: {
    customers: number;
    savedCustomers: number;
    /** The order lines the customers come from: read, used and left out by reason. */
    lines: LineReport;
    snapshot: number;
    named: { name: string | Message; savedSize: number; size: number }[];
  } | null;
}

export function applyView(
  session: AnalysisSession,
  model: ModelFile,
  onProgress?: StageProgress,
): ApplyView {
  const result = applyModel(session, model, onProgress);
  const scored = result.scored.length;
  const segments = model.segments.map((segment, id) => ({
    id,
    label: segment.label,
    name: segment.name,
    savedSize: segment.size,
    savedShare: segment.share,
    size: result.sizes[id],
    share: scored > 0 ? result.sizes[id] / scored : 0,
  }));
  const { scale, featureNames } = model.preparation;
  const drift = featureNames.map((feature, k): FeatureDrift => {
    const mean = result.featureMeans[k];
    const shift = scale.std[k] > 0 && mean === mean ? (mean - scale.mean[k]) / scale.std[k] : null;
    return {
      feature,
      savedMean: scale.mean[k],
      savedStd: scale.std[k],
      mean,
      shift,
      drifted: shift !== null && Math.abs(shift) > DRIFT_SDS,
    };
  });
  const unseen = result.unseen.filter((u) => u.count > 0);
  const notes = [
    // Why sizes can move even on the saved file itself: the tree is not in the model.
    ...(model.clustering.algorithm === 'hierarchical' ? [message('applyHierarchicalMeans')] : []),
    ...drift
      .filter((d) => d.drifted)
      .map((d) =>
        message('applyDrift', {
          // RFM's features in the reader's words (最近购买天数), a column as the user named it.
          feature: (result.kind === 'rfm' ? rfmFeatureLabel(d.feature) : undefined) ?? d.feature,
          now: d.mean,
          saved: d.savedMean,
          shift: d.shift!,
        }),
      ),
    ...unseen.map((u) =>
      message('applyUnseen', {
        column: u.column,
        count: u.count,
        values: u.values.map((v) => `"${v}"`).join(', '),
      }),
    ),
  ];
  const { rfm } = result;
  return {
    kind: result.kind,
    savedFile: model.source.fileName,
    file: session.fileName,
    read: result.reason.length,
    scored,
    setAside: APPLY_REASONS.map((reason, i) => ({
      reason,
      label: message(REASON_LABELS[reason]),
      count: result.setAside[i].count,
    })),
    segments,
    noise:
      model.clustering.algorithm === 'dbscan'
        ? { saved: model.clustering.noise, now: result.noise }
        : null,
    drift,
    unseen,
    notes,
    rfm:
      rfm === null || model.rfm === null
        ? null
        : {
            customers: rfm.result.customers.length,
            savedCustomers: model.rfm.customers,
            lines: rfm.result.rows,
            snapshot: rfm.result.snapshot,
            named: model.rfm.map.names.map((name, s) => ({
              name,
              savedSize: model.rfm!.map.sizes[s],
              size: rfm.namedSizes[s],
            })),
          },
  };
}
