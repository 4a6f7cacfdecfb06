/**
 * The analysis vocabulary the page's controls are made of: the choices each control offers, the
 * limits it states, the codes whose words the page's catalogs hold. Components take these from
 * here, so that they reach the core only through the store.
 */
export { DBSCAN_MAX_ROWS } from '../core/cluster/density/densityClustering';
export { DISTANCE_METRICS } from '../core/cluster/distance';
export { LINKAGES, treeMatrixMegabytes } from '../core/cluster/hierarchy/agglomerative';
export {
  HIERARCHY_DEFAULT_ROWS,
  HIERARCHY_FEWEST_ROWS,
  HIERARCHY_MOST_ROWS,
} from '../core/cluster/hierarchy/hierarchicalClustering';
/** RFM's features named in the reader's language (the rules and the report use the same words). */
export { rfmFeatureLabel } from '../core/explain/featureSpace';
export { ENCODINGS } from '../core/read/detectEncoding';
export { DELIMITERS } from '../core/read/dialect';
export { COLUMN_KINDS } from '../core/read/inferColumns';
/** The reasons an order line is left out of RFM, and the message key that names each. */
export { RFM_DROP_LABELS, RFM_DROP_REASONS } from '../core/rfm/rfm';
export { cellIndex, MEAN_CELL_SCORES, SCORE_LEVELS } from '../core/rfm/rfmSegments';
/** The recommenders measured side by side, and the message that names each (issue 14). */
export { RECOMMEND_METHODS } from '../core/recommend/recommendOptions';
export { methodName } from '../core/session/recommendVerdict';
/** Customer value: the table's value columns, and the bands of the P(alive) histogram. */
export { isValueKey } from '../core/rfm/rfmCustomerTable';
export { P_ALIVE_BINS } from '../core/session/valueSession';
