/**
 * The analysis vocabulary the page's controls are made of: the choices each control offers, the
 * limits it states, and how a few values read. Components take these from here, so that they
 * reach the core only through the store.
 */
export { ALGORITHM_LABELS } from '../core/analysis/analysisOptions';
export { DBSCAN_MAX_ROWS } from '../core/cluster/density/densityClustering';
export { DISTANCE_METRICS, METRIC_LABELS } from '../core/cluster/distance';
export { LINKAGES } from '../core/cluster/hierarchy/agglomerative';
export { HIERARCHY_MAX_ROWS } from '../core/cluster/hierarchy/hierarchicalClustering';
export { ENCODINGS, ENCODING_LABELS } from '../core/read/detectEncoding';
export { DELIMITERS, DELIMITER_LABELS } from '../core/read/dialect';
export { COLUMN_KINDS } from '../core/read/inferColumns';
export { formatDateTime } from '../core/read/parseDate';
export { RFM_DROP_LABELS, RFM_DROP_REASONS } from '../core/rfm/rfm';
export { cellIndex, MEAN_CELL_SCORES, SCORE_LEVELS } from '../core/rfm/rfmSegments';
