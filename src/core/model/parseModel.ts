import { ALGORITHM_LABELS, type ClusteringAlgorithm } from '../analysis/analysisOptions';
import { DISTANCE_METRICS } from '../cluster/distance';
import { LINKAGES } from '../cluster/hierarchy/agglomerative';
import {
  HIERARCHY_FEWEST_ROWS,
  HIERARCHY_MOST_ROWS,
} from '../cluster/hierarchy/hierarchicalClustering';
import { describeSize } from '../common/byteSize';
import { UserError } from '../common/userError';
import { SCALE_METHODS } from '../features/scale';
import { ENCODINGS } from '../read/detectEncoding';
import { DELIMITERS } from '../read/dialect';
import { COLUMN_KINDS } from '../read/inferColumns';
import { readWordingKey } from './modelLabels';
import {
  clusteringDims,
  MAX_MODEL_BYTES,
  MODEL_FORMAT,
  MODEL_MAJOR,
  type ModelColumn,
  type ModelFile,
  type StoredOptions,
} from './modelFile';
import {
  choice,
  distinct,
  field,
  group,
  join,
  list,
  nullable,
  number,
  problem,
  refuse,
  text,
  whole,
  yesNo,
  type Fields,
  type Path,
} from './modelReader';
import {
  checkRfmPreparation,
  DATE_ORDERS,
  readClustering,
  readMapping,
  readPreparation,
  readRfm,
  readSegments,
} from './parseModelParts';

const MISSING_STRATEGIES = ['drop', 'mean', 'median', 'mode', 'constant'] as const;
const ALGORITHMS = Object.keys(ALGORITHM_LABELS) as ClusteringAlgorithm[];

/**
 * A model file's text, checked field by field before anything is used (see modelReader): a file
 * over MAX_MODEL_BYTES, text that is not JSON, another app's JSON, a newer major version, and a
 * file whose parts disagree (a centre of the wrong length, a string where a number belongs, an
 * unknown algorithm, more segments than centres) are each refused with one sentence. Nothing in
 * the file is evaluated; JSON.parse is the only reader of the text.
 */
export function parseModel(fileText: string, byteLength: number): ModelFile {
  if (byteLength > MAX_MODEL_BYTES || fileText.length > MAX_MODEL_BYTES)
    throw new UserError('bad-model', 'modelTooLarge', {
      size: describeSize(Math.max(byteLength, fileText.length)),
      limit: describeSize(MAX_MODEL_BYTES),
    });
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    throw new UserError('bad-model', 'modelNotJson');
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    !Object.prototype.hasOwnProperty.call(json, 'format') ||
    (json as Fields).format !== MODEL_FORMAT
  )
    throw new UserError('bad-model', 'modelOtherJson');
  const f = json as Fields;
  const version = readVersion(f);
  const appVersion = textField(f, 'appVersion', '', 100);
  if (version.major > MODEL_MAJOR)
    throw new UserError('bad-model', 'modelNewer', { app: appVersion, version: version.text });
  if (version.major < 1)
    throw new UserError('bad-model', 'modelUnknownVersion', { version: version.text });

  const columns = readColumns(field(f, 'columns', ''), 'columns');
  const segments = readSegments(field(f, 'segments', ''), 'segments');
  const preparation = readPreparation(field(f, 'preparation', ''), 'preparation');
  const clustering = readClustering(
    field(f, 'clustering', ''),
    'clustering',
    clusteringDims(preparation),
    segments.length,
  );
  const rfm = nullable(field(f, 'rfm', ''), (v) => readRfm(v, 'rfm'));
  if (rfm !== null) {
    checkRfmPreparation(preparation, 'preparation');
    if (clustering.algorithm !== 'kmeans')
      refuse('clustering.algorithm', problem('modelProblemRfmColumn'));
  }
  const settings = readSettings(field(f, 'settings', ''), 'settings');
  if (settings.k !== segments.length)
    refuse(
      'settings.k',
      problem('modelProblemSegments', { centres: segments.length, segments: settings.k }),
    );
  if ((settings.rfm === null) !== (rfm === null))
    refuse('settings.rfm', problem('modelProblemRfm'));
  const privacy = group(field(f, 'privacy', ''), 'privacy');
  const cores = clustering.algorithm === 'dbscan' ? clustering.coreSegments.length : 0;
  const customerRows = whole(field(privacy, 'customerRows', 'privacy'), 'privacy.customerRows');
  if (customerRows !== cores)
    refuse(
      'privacy.customerRows',
      problem('modelProblemLength', { count: customerRows, expected: cores }),
    );
  const source = group(field(f, 'source', ''), 'source');
  const read = group(field(source, 'read', 'source'), 'source.read');
  return {
    format: MODEL_FORMAT,
    formatVersion: version.text,
    appVersion,
    savedAt: number(field(f, 'savedAt', ''), 'savedAt', -8.64e15, 8.64e15),
    privacy: { customerRows, note: text(field(privacy, 'note', 'privacy'), 'privacy.note', 2000) },
    source: {
      fileName: text(field(source, 'fileName', 'source'), 'source.fileName', 1000),
      rows: whole(field(source, 'rows', 'source'), 'source.rows'),
      read: {
        encoding: choice(field(read, 'encoding', 'source.read'), 'source.read.encoding', ENCODINGS),
        delimiter: choice(
          field(read, 'delimiter', 'source.read'),
          'source.read.delimiter',
          DELIMITERS,
        ),
        decimal: choice(field(read, 'decimal', 'source.read'), 'source.read.decimal', ['.', ',']),
        hasHeader: yesNo(field(read, 'hasHeader', 'source.read'), 'source.read.hasHeader'),
      },
    },
    columns,
    settings,
    rfm,
    preparation,
    clustering,
    segments,
  };
}

function textField(f: Fields, name: string, path: Path, max: number): string {
  return text(field(f, name, path), join(path, name), max);
}

function readVersion(f: Fields): { major: number; text: string } {
  const version = textField(f, 'formatVersion', '', 20);
  const match = /^(\d{1,6})\.(\d{1,6})$/.exec(version);
  if (match === null) refuse('formatVersion', problem('modelProblemVersion'));
  return { major: Number(match[1]), text: version };
}

function readColumns(value: unknown, path: Path): ModelColumn[] {
  const columns = list(value, path, 10_000, (v, p) => {
    const c = group(v, p);
    return {
      name: text(field(c, 'name', p), join(p, 'name'), 1000, false),
      kind: choice(field(c, 'kind', p), join(p, 'kind'), COLUMN_KINDS),
    };
  });
  distinct(
    columns.map((c) => c.name),
    path,
  );
  return columns;
}

function readSettings(value: unknown, path: Path): ModelFile['settings'] {
  const f = group(value, path);
  const rp = join(path, 'rfm');
  return {
    options: readOptions(field(f, 'options', path), join(path, 'options')),
    rfm: nullable(field(f, 'rfm', path), (v) => {
      const r = group(v, rp);
      return {
        mapping: readMapping(field(r, 'mapping', rp), join(rp, 'mapping')),
        dateOrder: nullable(field(r, 'dateOrder', rp), (x) =>
          choice(x, join(rp, 'dateOrder'), DATE_ORDERS),
        ),
        snapshot: nullable(field(r, 'snapshot', rp), (x) =>
          number(x, join(rp, 'snapshot'), -8.64e15, 8.64e15),
        ),
      };
    }),
    k: whole(field(f, 'k', path), join(path, 'k'), 1, 10_000),
  };
}

/** The analysis options, within the ranges the page and the command line accept. */
function readOptions(value: unknown, path: Path): StoredOptions {
  const f = group(value, path);
  const get = (name: string) => field(f, name, path);
  const at = (name: string) => join(path, name);
  const names = (v: unknown, p: Path) => list(v, p, 10_000, (x, xp) => text(x, xp, 1000));
  const cp = at('clean');
  const c = group(get('clean'), cp);
  const cget = (name: string) => field(c, name, cp);
  const kMax = whole(get('kMax'), at('kMax'), 1, 1000);
  return {
    kinds: list(get('kinds'), at('kinds'), 10_000, (v, p) => {
      const k = group(v, p);
      return {
        column: text(field(k, 'column', p), join(p, 'column'), 1000),
        kind: choice(field(k, 'kind', p), join(p, 'kind'), COLUMN_KINDS),
      };
    }),
    features: nullable(get('features'), (v) => names(v, at('features'))),
    oneHot: names(get('oneHot'), at('oneHot')),
    clean: {
      duplicates: choice(cget('duplicates'), join(cp, 'duplicates'), ['drop', 'keep']),
      missing: choice(cget('missing'), join(cp, 'missing'), MISSING_STRATEGIES),
      missingByColumn: list(
        cget('missingByColumn'),
        join(cp, 'missingByColumn'),
        10_000,
        (v, p) => {
          const m = group(v, p);
          return {
            column: text(field(m, 'column', p), join(p, 'column'), 1000),
            strategy: choice(field(m, 'strategy', p), join(p, 'strategy'), MISSING_STRATEGIES),
          };
        },
      ),
      missingConstant: number(cget('missingConstant'), join(cp, 'missingConstant')),
      outliers: choice(cget('outliers'), join(cp, 'outliers'), ['none', 'zscore', 'iqr']),
      outlierAction: choice(cget('outlierAction'), join(cp, 'outlierAction'), ['clip', 'drop']),
      zThreshold: number(cget('zThreshold'), join(cp, 'zThreshold'), 0),
      iqrFactor: number(cget('iqrFactor'), join(cp, 'iqrFactor'), 0),
      log1p: names(cget('log1p'), join(cp, 'log1p')),
      padShortRows: yesNo(cget('padShortRows'), join(cp, 'padShortRows')),
      ...(Object.prototype.hasOwnProperty.call(c, 'missingCodes')
        ? {
            missingCodes: list(cget('missingCodes'), join(cp, 'missingCodes'), 10_000, (v, p) => {
              const m = group(v, p);
              return {
                column: text(field(m, 'column', p), join(p, 'column'), 1000),
                value: number(field(m, 'value', p), join(p, 'value')),
              };
            }),
          }
        : {}),
    },
    scale: choice(get('scale'), at('scale'), SCALE_METHODS),
    kMax,
    k: nullable(get('k'), (v) => whole(v, at('k'), 1, 10_000)),
    nInit: whole(get('nInit'), at('nInit'), 1, 1000),
    maxIter: whole(get('maxIter'), at('maxIter'), 1, 1_000_000),
    seed: whole(get('seed'), at('seed'), 0),
    silhouetteSample: whole(get('silhouetteSample'), at('silhouetteSample'), 2, 10_000_000),
    localSearch: yesNo(get('localSearch'), at('localSearch')),
    wording: list(get('wording'), at('wording'), 1000, (v, p) => {
      const w = group(v, p);
      return {
        column: text(field(w, 'column', p), join(p, 'column'), 1000),
        high: readWordingKey(field(w, 'high', p), join(p, 'high')),
        low: readWordingKey(field(w, 'low', p), join(p, 'low')),
        slightlyHigh: readWordingKey(field(w, 'slightlyHigh', p), join(p, 'slightlyHigh')),
        slightlyLow: readWordingKey(field(w, 'slightlyLow', p), join(p, 'slightlyLow')),
      };
    }),
    algorithm: choice(get('algorithm'), at('algorithm'), ALGORITHMS),
    metric: choice(get('metric'), at('metric'), DISTANCE_METRICS),
    eps: nullable(get('eps'), (v) => number(v, at('eps'), Number.MIN_VALUE)),
    minPts: whole(get('minPts'), at('minPts'), 1),
    linkage: choice(get('linkage'), at('linkage'), LINKAGES),
    cutHeight: nullable(get('cutHeight'), (v) => number(v, at('cutHeight'), 0)),
    ...(Object.prototype.hasOwnProperty.call(f, 'treeMaxRows')
      ? {
          treeMaxRows: whole(
            get('treeMaxRows'),
            at('treeMaxRows'),
            HIERARCHY_FEWEST_ROWS,
            HIERARCHY_MOST_ROWS,
          ),
        }
      : {}),
    pcaComponents: ((v: unknown) =>
      v === 'all' || v === 'auto' ? v : whole(v, at('pcaComponents'), 1))(get('pcaComponents')),
  };
}
