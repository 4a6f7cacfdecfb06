import { DISTANCE_METRICS } from '../cluster/distance';
import { LINKAGES } from '../cluster/hierarchy/agglomerative';
import { SCALE_METHODS } from '../features/scale';
import type { DateOrder } from '../read/parseDate';
import { CANCELLATION_SETTINGS } from '../rfm/cancellations';
import { RFM_COLUMNS } from '../rfm/rfmClustering';
import { SCHEME_CELLS, SEGMENT_SCHEMES } from '../rfm/rfmSegments';
import { readLabel, readSegmentName } from './modelLabels';
import type {
  ModelClustering,
  ModelSegment,
  NumericStep,
  OneHotStep,
  Preparation,
  RfmModel,
  StoredMapping,
} from './modelFile';
import {
  choice,
  distinct,
  expectLength,
  field,
  group,
  join,
  list,
  nullable,
  number,
  numbers,
  problem,
  refuse,
  text,
  whole,
  yesNo,
  type Fields,
  type Path,
} from './modelReader';

/** Limits no real analysis comes near; they keep a hostile file from asking for absurd work. */
const MAX_COLUMNS = 10_000;
const MAX_CATEGORIES = 100_000;
const MAX_SEGMENTS = 10_000;
const MAX_CORE_ROWS = 1_000_000;

const at = (fields: Fields, name: string, path: Path) => field(fields, name, path);

function limits(value: unknown, path: Path): [number, number] {
  const [low, high] = numbers(value, path, 2);
  if (!(low <= high)) refuse(path, problem('modelProblemOrder'));
  return [low, high];
}

export function readPreparation(value: unknown, path: Path): Preparation {
  const f = group(value, path);
  const numeric = list(at(f, 'numeric', path), join(path, 'numeric'), MAX_COLUMNS, (v, p) => {
    const s = group(v, p);
    const step: NumericStep = {
      column: text(at(s, 'column', p), join(p, 'column'), 1000, false),
      fill: nullable(at(s, 'fill', p), (x) => number(x, join(p, 'fill'))),
      log1p: yesNo(at(s, 'log1p', p), join(p, 'log1p')),
      clip: nullable(at(s, 'clip', p), (x) => limits(x, join(p, 'clip'))),
      dropOutside: nullable(at(s, 'dropOutside', p), (x) => limits(x, join(p, 'dropOutside'))),
      ...(Object.prototype.hasOwnProperty.call(s, 'missingCodes')
        ? { missingCodes: numbers(at(s, 'missingCodes', p), join(p, 'missingCodes')) }
        : {}),
    };
    return step;
  });
  const oneHot = list(at(f, 'oneHot', path), join(path, 'oneHot'), MAX_COLUMNS, (v, p) => {
    const s = group(v, p);
    const categories = list(
      at(s, 'categories', p),
      join(p, 'categories'),
      MAX_CATEGORIES,
      (c, cp) => text(c, cp),
    );
    distinct(categories, join(p, 'categories'));
    const step: OneHotStep = {
      column: text(at(s, 'column', p), join(p, 'column'), 1000, false),
      categories,
      fill: nullable(at(s, 'fill', p), (x) => whole(x, join(p, 'fill'), -1, categories.length - 1)),
    };
    return step;
  });
  distinct(
    [...numeric.map((s) => s.column), ...oneHot.map((s) => s.column)],
    join(path, 'numeric'),
  );
  const inputs = numeric.length + oneHot.reduce((sum, s) => sum + s.categories.length, 0);
  const kept = list(at(f, 'kept', path), join(path, 'kept'), MAX_COLUMNS * 10, (v, p) =>
    whole(v, p, 0, Math.max(0, inputs - 1)),
  );
  if (kept.length === 0) refuse(join(path, 'kept'), problem('modelProblemEmpty'));
  kept.forEach((k, i) => {
    if (i > 0 && k <= kept[i - 1]) refuse(join(path, 'kept'), problem('modelProblemOrder'));
  });
  const d = kept.length;
  const featureNames = list(at(f, 'featureNames', path), join(path, 'featureNames'), d, (v, p) =>
    text(v, p, 2000),
  );
  expectLength(featureNames, d, join(path, 'featureNames'));
  const sp = join(path, 'scale');
  const s = group(at(f, 'scale', path), sp);
  const scale = {
    method: choice(at(s, 'method', sp), join(sp, 'method'), SCALE_METHODS),
    center: numbers(at(s, 'center', sp), join(sp, 'center'), d),
    scale: numbers(at(s, 'scale', sp), join(sp, 'scale'), d),
    mean: numbers(at(s, 'mean', sp), join(sp, 'mean'), d),
    std: numbers(at(s, 'std', sp), join(sp, 'std'), d),
  };
  scale.scale.forEach((v, i) => {
    if (!(v > 0)) refuse(join(join(sp, 'scale'), i), problem('modelProblemBelow', { min: 0 }));
  });
  scale.std.forEach((v, i) => {
    if (v < 0) refuse(join(join(sp, 'std'), i), problem('modelProblemBelow', { min: 0 }));
  });
  const pp = join(path, 'pca');
  const pca = nullable(at(f, 'pca', path), (v) => {
    const p = group(v, pp);
    const count = whole(at(p, 'count', pp), join(pp, 'count'), 1, d);
    return {
      count,
      components: numbers(at(p, 'components', pp), join(pp, 'components'), count * d),
      mean: numbers(at(p, 'mean', pp), join(pp, 'mean'), d),
    };
  });
  return {
    padShortRows: yesNo(at(f, 'padShortRows', path), join(path, 'padShortRows')),
    duplicates: choice(at(f, 'duplicates', path), join(path, 'duplicates'), ['drop', 'keep']),
    numeric,
    oneHot,
    kept,
    featureNames,
    scale,
    pca,
  };
}

/**
 * The clustering, checked against the space it works in (`dims` coordinates) and the segments:
 * every centre has `dims` values, and there is a centre (or a core row) for every segment and a
 * segment for every centre.
 */
export function readClustering(
  value: unknown,
  path: Path,
  dims: number,
  segments: number,
): ModelClustering {
  const f = group(value, path);
  const algorithm = choice(at(f, 'algorithm', path), join(path, 'algorithm'), [
    'kmeans',
    'hierarchical',
    'dbscan',
  ] as const);
  const centres = () => {
    const values = numbers(at(f, 'centres', path), join(path, 'centres'));
    if (values.length % dims !== 0 || values.length === 0)
      refuse(join(path, 'centres'), problem('modelProblemCentre', { dims }));
    if (values.length / dims !== segments)
      refuse(
        join(path, 'centres'),
        problem('modelProblemSegments', { centres: values.length / dims, segments }),
      );
    return values;
  };
  if (algorithm === 'kmeans')
    return {
      algorithm,
      metric: choice(at(f, 'metric', path), join(path, 'metric'), ['euclidean'] as const),
      centres: centres(),
    };
  if (algorithm === 'hierarchical')
    return {
      algorithm,
      linkage: choice(at(f, 'linkage', path), join(path, 'linkage'), LINKAGES),
      metric: choice(at(f, 'metric', path), join(path, 'metric'), DISTANCE_METRICS),
      centres: centres(),
    };
  const coreSegments = list(
    at(f, 'coreSegments', path),
    join(path, 'coreSegments'),
    MAX_CORE_ROWS,
    (v, p) => whole(v, p, 0, Math.max(0, segments - 1)),
  );
  const found = new Set(coreSegments);
  if (found.size !== segments)
    refuse(
      join(path, 'coreSegments'),
      problem('modelProblemSegments', { centres: found.size, segments }),
    );
  return {
    algorithm,
    metric: choice(at(f, 'metric', path), join(path, 'metric'), DISTANCE_METRICS),
    eps: number(at(f, 'eps', path), join(path, 'eps'), Number.MIN_VALUE),
    minPts: whole(at(f, 'minPts', path), join(path, 'minPts'), 1),
    noise: whole(at(f, 'noise', path), join(path, 'noise')),
    cores: numbers(at(f, 'cores', path), join(path, 'cores'), coreSegments.length * dims),
    coreSegments,
  };
}

export function readSegments(value: unknown, path: Path): ModelSegment[] {
  const segments = list(value, path, MAX_SEGMENTS, (v, p, index) => {
    const s = group(v, p);
    const name = nullable(at(s, 'name', p), (x) => text(x, join(p, 'name'), 200, false));
    return {
      id: whole(at(s, 'id', p), join(p, 'id'), index, index),
      size: whole(at(s, 'size', p), join(p, 'size')),
      share: number(at(s, 'share', p), join(p, 'share'), 0, 1),
      label: readLabel(at(s, 'label', p), join(p, 'label')),
      name,
    };
  });
  if (segments.length === 0) refuse(path, problem('modelProblemEmpty'));
  return segments;
}

export function readMapping(value: unknown, path: Path): StoredMapping {
  const f = group(value, path);
  const column = (name: string) => text(at(f, name, path), join(path, name), 1000, false);
  const optional = (name: string) =>
    nullable(at(f, name, path), (v) => text(v, join(path, name), 1000, false));
  const mapping: StoredMapping = {
    customer: column('customer'),
    date: column('date'),
    order: optional('order'),
    quantity: optional('quantity'),
    price: optional('price'),
    amount: optional('amount'),
  };
  const money =
    mapping.amount !== null
      ? mapping.quantity === null && mapping.price === null
      : mapping.quantity !== null && mapping.price !== null;
  if (!money) refuse(join(path, 'amount'), problem('modelProblemMoney'));
  const used = Object.values(mapping).filter((name): name is string => name !== null);
  distinct(used, path);
  return mapping;
}

export const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'dmy', 'mdy'];

export function readRfm(value: unknown, path: Path): RfmModel {
  const f = group(value, path);
  const sp = join(path, 'snapshot');
  const snap = group(at(f, 'snapshot', path), sp);
  const rule = choice(at(snap, 'rule', sp), join(sp, 'rule'), ['fixed', 'after-last-order']);
  const cp = join(path, 'cuts');
  const c = group(at(f, 'cuts', path), cp);
  const cuts = (name: 'recency' | 'frequency' | 'monetary') => {
    const values = numbers(at(c, name, cp), join(cp, name), 4);
    values.forEach((v, i) => {
      const ordered = i === 0 || (name === 'recency' ? v <= values[i - 1] : v >= values[i - 1]);
      if (!ordered) refuse(join(cp, name), problem('modelProblemOrder'));
    });
    return values;
  };
  const mp = join(path, 'means');
  const m = group(at(f, 'means', path), mp);
  const ap = join(path, 'map');
  const map = group(at(f, 'map', path), ap);
  const scheme = choice(at(map, 'scheme', ap), join(ap, 'scheme'), SEGMENT_SCHEMES);
  const names = list(at(map, 'names', ap), join(ap, 'names'), 100, (v, p) => readSegmentName(v, p));
  if (names.length === 0) refuse(join(ap, 'names'), problem('modelProblemEmpty'));
  const cells = list(at(map, 'cells', ap), join(ap, 'cells'), 100, (v, p) =>
    whole(v, p, 0, names.length - 1),
  );
  expectLength(cells, SCHEME_CELLS[scheme], join(ap, 'cells'));
  const sizes = list(at(map, 'sizes', ap), join(ap, 'sizes'), 100, (v, p) => whole(v, p));
  expectLength(sizes, names.length, join(ap, 'sizes'));
  return {
    mapping: readMapping(at(f, 'mapping', path), join(path, 'mapping')),
    dateOrder: choice(at(f, 'dateOrder', path), join(path, 'dateOrder'), DATE_ORDERS),
    snapshot:
      rule === 'fixed'
        ? { rule, at: number(at(snap, 'at', sp), join(sp, 'at'), -8.64e15, 8.64e15) }
        : { rule },
    ...(Object.prototype.hasOwnProperty.call(f, 'cancellations')
      ? {
          cancellations: choice(
            at(f, 'cancellations', path),
            join(path, 'cancellations'),
            CANCELLATION_SETTINGS,
          ),
        }
      : {}),
    customers: whole(at(f, 'customers', path), join(path, 'customers'), 1),
    cuts: { recency: cuts('recency'), frequency: cuts('frequency'), monetary: cuts('monetary') },
    means: {
      recency: number(at(m, 'recency', mp), join(mp, 'recency')),
      frequency: number(at(m, 'frequency', mp), join(mp, 'frequency')),
      monetary: number(at(m, 'monetary', mp), join(mp, 'monetary')),
    },
    map: { scheme, names, cells, sizes },
  };
}

/** An RFM model clusters its customers' recency, frequency and monetary value, nothing else. */
export function checkRfmPreparation(preparation: Preparation, path: Path): void {
  const allowed: string[] = [RFM_COLUMNS.r, RFM_COLUMNS.f, RFM_COLUMNS.m];
  preparation.numeric.forEach((step, i) => {
    if (!allowed.includes(step.column))
      refuse(join(join(join(path, 'numeric'), i), 'column'), problem('modelProblemRfmColumn'));
  });
  if (preparation.oneHot.length > 0) refuse(join(path, 'oneHot'), problem('modelProblemRfmColumn'));
}
