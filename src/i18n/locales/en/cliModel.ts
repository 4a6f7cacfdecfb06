/** The command line's lines for saving, applying and turning models into SQL (part of `cli`). */
export const cliModel = {
  modelSaved: 'Saved the model to {path}',
  applySummary:
    '{path}: the model saved from {saved} ({algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {hierarchical} other {{algorithm}}}, {k, plural, one {# segment} other {# segments}})',
  applyRows:
    '{kind, select, rfm {{scored, number} of {read, number} customers scored} other {{read, number} rows read, {scored, number} scored}}',
  applyRowsSetAside:
    '{kind, select, rfm {{scored, number} of {read, number} customers scored} other {{read, number} rows read, {scored, number} scored}} (set aside: {setAside})',
  applyOrderLines: '{read, number} order lines read, {used, number} used',
  applyCustomers:
    '{customers, number} customers (when saved: {saved, number}); recency counted to {snapshot, date, minute}',
  applySetAsideItem: '{count, number} {reason}',
  applyColumnSaved: 'when saved',
  applyColumnNow: 'now',
  applyNoise: 'Noise (segment -1): {now, number} rows now, {saved, number} when saved',
  applyNamedSegments: 'Named segments:',
  applyClusters: 'Clusters:',
  applyDrift: 'Drift:',
  applyNoDrift:
    'No drift: every feature’s mean is within 0.5 standard deviations of the saved one, and no category is new.',
  applyWrote: 'Wrote {files} to {out}',
  sqlWrote:
    'Wrote the {dialect, select, duckdb {DuckDB} postgres {PostgreSQL} other {{dialect}}} query to {path}',
} as const;
