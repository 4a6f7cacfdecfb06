import { segmentText, type ModelFile } from '../model/modelFile';
import { message, type Message } from '../common/message';
import { assignCtes, labelSql } from './assignSql';
import { featureCtes, type Carried, type Cte } from './featureSql';
import { columnList, identifier, uniqueOutputNames } from './sqlText';

export interface QueryParts {
  ctes: Cte[];
  /** The final SELECT, over the last CTE. */
  select: string;
}

/**
 * A model of rows as one query over `table`: every row with its id (when given), the model's
 * input columns as they are, `segment`, `segment_label`, `distance` and `set_aside` (why the saved
 * cleaning would leave the row out; then the segment is NULL).
 */
export function rowsQuery(
  model: ModelFile,
  table: string,
  id: string | null,
  render: (m: Message) => string,
): QueryParts {
  const inputColumns = model.columns.map((c) => c.name).filter((name) => name !== id);
  const carried: Carried[] = [
    ...(id === null ? [] : [{ expr: identifier(id), as: 'sl_id' }]),
    ...inputColumns.map((name, i) => ({ expr: identifier(name), as: `sl_in${i}` })),
  ];
  const inputs = new Map(model.columns.map((c) => [c.name, identifier(c.name)]));
  const features = featureCtes(model.preparation, table, inputs, carried);
  const assign = assignCtes(model.clustering, features.last, features.space);
  const userColumns = [...(id === null ? [] : [id]), ...inputColumns];
  const [segment, label, distance, setAside] = uniqueOutputNames(userColumns, [
    'segment',
    'segment_label',
    'distance',
    'set_aside',
  ]);
  const labels = model.segments.map((s) => segmentText(s, render));
  const noise = model.clustering.algorithm === 'dbscan' ? render(message('labelNoise')) : null;
  const columns = [
    ...(id === null ? [] : [`sl_id AS ${identifier(id)}`]),
    ...inputColumns.map((name, i) => `sl_in${i} AS ${identifier(name)}`),
    `sl_segment AS ${identifier(segment)}`,
    `${labelSql('sl_segment', labels, noise)} AS ${identifier(label)}`,
    `sl_distance AS ${identifier(distance)}`,
    `sl_set_aside AS ${identifier(setAside)}`,
  ];
  return {
    ctes: [...features.ctes, ...assign],
    select: `SELECT\n${columnList(columns)}\nFROM sl_segmented`,
  };
}
