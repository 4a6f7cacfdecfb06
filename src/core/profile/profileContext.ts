import { quantileInPlace } from '../common/quantiles';
import { cellText, type Table } from '../read/table';
import { shareableFloat64Array, shareableInt32Array } from '../common/sharedArrays';
import type { ColumnWording, FeatureWording, PopulationStats } from './profileTypes';

/**
 * What every k's profiles share, gathered once per analysis: each described column's values
 * for the analysed rows in one contiguous array, the population's statistics, category codes.
 */
export interface ProfileContext {
  n: number;
  /**
   * Values may be single precision where memory is tight (a helper worker's copy): means and
   * medians then agree to about 7 significant digits, more than the page shows.
   */
  numeric: {
    name: string;
    values: Float64Array | Float32Array;
    stats: PopulationStats;
    complete: boolean;
    wording?: FeatureWording;
  }[];
  /** Category columns, and 0/1 columns (flag: their categories are '0' and '1') counted as yes/no. */
  categorical: {
    name: string;
    codes: Int32Array;
    categories: string[];
    counts: Int32Array;
    flag?: boolean;
  }[];
}

export interface ProfileInput {
  table: Table;
  /** Record indices of the analysed rows. */
  rows: Int32Array;
  /** Numeric columns to describe, by name (the original features). */
  numeric: string[];
  /** Categorical columns whose top value each segment shows. */
  categorical: string[];
  /** Words for high and low values of some features (see FeatureWording). */
  wording?: readonly ColumnWording[];
  /**
   * Numeric columns to count as yes/no when every value of the analysed rows is 0 or 1 (both
   * present): their rate of 1 is compared per segment, and labels never call them "High".
   */
  flags?: string[];
}

export function prepareProfiles({
  table,
  rows,
  numeric,
  categorical,
  wording = [],
  flags = [],
}: ProfileInput): ProfileContext {
  const n = rows.length;
  // Rows are ascending and distinct, so when every row is analysed they are 0..n-1 and the
  // column itself can be read (no copy of a million values). Values and codes are on shared
  // memory where there is any (the columns are too), so the elbow's helpers read them as they are.
  const everyRow = n === table.rowCount;
  const numericContext = numeric.flatMap((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return [];
    const values = everyRow ? column.numbers : shareableFloat64Array(n);
    let sum = 0;
    let present = 0;
    for (let r = 0; r < n; r++) {
      const v = column.numbers[rows[r]];
      if (!everyRow) values[r] = v;
      if (v === v) {
        sum += v;
        present++;
      }
    }
    const mean = present > 0 ? sum / present : NaN;
    let squares = 0;
    const filled = new Float64Array(present);
    for (let r = 0, p = 0; r < n; r++) {
      const v = values[r];
      if (v === v) {
        squares += (v - mean) * (v - mean);
        filled[p++] = v;
      }
    }
    const std = present > 0 ? Math.sqrt(squares / present) : NaN;
    return [
      {
        name,
        values,
        complete: present === n,
        stats: { feature: name, mean, std, median: quantileInPlace(filled, 0.5, 0, present) },
        ...wordingOf(wording, name),
      },
    ];
  });
  const categoricalContext = categorical.flatMap((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return [];
    const index = new Map<string, number>();
    const categories: string[] = [];
    const codes = shareableInt32Array(n);
    const counts: number[] = [];
    for (let r = 0; r < n; r++) {
      const value = cellText(column, rows[r]);
      if (value === '') {
        codes[r] = -1;
        continue;
      }
      let code = index.get(value);
      if (code === undefined) {
        code = categories.length;
        index.set(value, code);
        categories.push(value);
        counts.push(0);
      }
      codes[r] = code;
      counts[code]++;
    }
    return [{ name, codes, categories, counts: Int32Array.from(counts) }];
  });
  const flagContext = flags.flatMap((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column || categorical.includes(name)) return [];
    const codes = shareableInt32Array(n);
    const counts = new Int32Array(2);
    for (let r = 0; r < n; r++) {
      const v = column.numbers[rows[r]];
      if (v !== v) codes[r] = -1;
      else if (v === 0 || v === 1) counts[(codes[r] = v)]++;
      else return [];
    }
    if (counts[0] === 0 || counts[1] === 0) return [];
    return [{ name, codes, categories: ['0', '1'], counts, flag: true }];
  });
  return { n, numeric: numericContext, categorical: [...categoricalContext, ...flagContext] };
}

function wordingOf(wordings: readonly ColumnWording[], column: string) {
  const found = wordings.find((entry) => entry.column === column);
  return found ? { wording: found.wording } : {};
}
