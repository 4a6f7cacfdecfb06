import type { PreparedFeatures } from '../features/prepareFeatures';
import { columnIndex, type Table } from '../read/table';
import { numbersWithoutCodes } from '../clean/missingValues';

/**
 * The analysed rows' features in the user's units after cleaning: filled and clipped as the
 * clustering saw them, but before scaling and with log(1 + x) undone, n x d row-major in the
 * order of `prepared.features`. What a rule a person can check speaks of ("Income > 69.5").
 *
 * Scaling overwrites the cleaned matrix, so each value is read again from its column through the
 * very steps cleaning took (missing codes, fill, log1p, clip, as cleanRows writes them): the same numbers as
 * cleaning the table again, bit for bit, without a second cleaning. A logged value that was not
 * clipped is the value itself (exactly: no expm1(log1p(x)) round trip); a clipped one is the
 * bound, expm1'd. A one-hot feature is 0 or 1: its scaled value undone, and rounded.
 */
export function featuresInUserUnits(table: Table, prepared: PreparedFeatures): Float64Array {
  const { n, d, features, cleaned, scaled } = prepared;
  const { rows, report } = cleaned;
  const out = new Float64Array(n * d);
  features.forEach((feature, f) => {
    if (feature.transform === 'onehot') {
      const { center, scale, matrix } = scaled;
      for (let r = 0; r < n; r++)
        out[r * d + f] = matrix[r * d + f] * scale[f] + center[f] > 0.5 ? 1 : 0;
      return;
    }
    const fitted = cleaned.fitted.find((f) => f.name === feature.column);
    const codes = fitted?.missingCodes ?? [];
    const values = numbersWithoutCodes(
      table.columns[columnIndex(table, feature.column)].numbers,
      codes,
    );
    const filled = report.imputed.find(
      (entry) => entry.column === feature.column && typeof entry.value === 'number',
    );
    const fill = filled === undefined ? NaN : (filled.value as number);
    // The limits as cleaning applied them: on log(1 + x) for a log1p feature.
    const low = fitted?.low ?? -Infinity;
    const high = fitted?.high ?? Infinity;
    const log = feature.transform === 'log1p';
    for (let r = 0; r < n; r++) {
      let v = values[rows[r]];
      if (v !== v) v = fill;
      const t = log ? Math.log1p(v) : v;
      out[r * d + f] = t < low ? bound(low, log) : t > high ? bound(high, log) : v;
    }
  });
  return out;
}

function bound(limit: number, log: boolean): number {
  return log ? Math.expm1(limit) : limit;
}
