import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../core/analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../core/analysis/analyzeTable';
import { setAsideCsvParts } from '../core/export/exportCsv';
import { inferColumns } from '../core/read/inferColumns';
import { formatDateTime, parseDate, type DateOrder } from '../core/read/parseDate';
import { readCsv } from '../core/read/readCsv';
import { computeRfm, RFM_DROP_LABELS, RFM_DROP_REASONS, type RfmResult } from '../core/rfm/rfm';
import { clusterRfm, customerClusters } from '../core/rfm/rfmClustering';
import { rfmCsvParts } from '../core/rfm/rfmExport';
import { cellTotals, segmentCounts, segmentSummary } from '../core/rfm/rfmSummary';
import type { Table } from '../core/read/table';
import {
  mappingProblem,
  suggestTransactionMapping,
  type TransactionMapping,
} from '../core/rfm/transactionMapping';
import { isUserError, UserError } from '../core/common/userError';
import { readOptionsFrom } from './analyzeCommand';
import { intOption, parseCommandArgs } from './args';
import { fileSource } from './fileSource';
import type { Io } from './main';
import { progressPrinter } from './progressPrinter';

export const RFM_USAGE = `segmentlens rfm FILE [options]

Recency, frequency and monetary value per customer from order lines (one row per order line),
named RFM segments, and k-means clusters on RFM.

  --customer COL        the customer id column      (default: recognised from the names)
  --date COL            the order date column
  --order COL           the order (invoice) id column; without one, each row is an order
  --quantity COL        quantity ...
  --price COL           ... and unit price, multiplied per line
  --amount COL          or one amount column instead of quantity x price
  --snapshot DATE       the day recency counts to, ISO (default: the last order + 1 day)
  --day-first           dates such as 01/02/2011 are 1 February
  --month-first         dates such as 01/02/2011 are 2 January
  --k N                 clusters on RFM (default: the recommended number)
  --k-max N             the elbow tries k = 1..N (default 10)
  --n-init N            k-means restarts per k (default 10)
  --seed N              random seed (default 0)
  --delimiter comma|semicolon|tab|pipe         (default: detected)
  --encoding utf-8|utf-16le|utf-16be|gb18030|windows-1252   (default: detected)
  --out DIR             write rfm.csv (one row per customer) and set-aside.csv (lines left out)
  --json                print the result as one JSON object`;

const OPTIONS = {
  customer: { type: 'string' },
  date: { type: 'string' },
  order: { type: 'string' },
  quantity: { type: 'string' },
  price: { type: 'string' },
  amount: { type: 'string' },
  snapshot: { type: 'string' },
  'day-first': { type: 'boolean' },
  'month-first': { type: 'boolean' },
  k: { type: 'string' },
  'k-max': { type: 'string' },
  'n-init': { type: 'string' },
  seed: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FLAG_OF: Record<keyof TransactionMapping, string> = {
  customer: '--customer',
  date: '--date',
  order: '--order',
  quantity: '--quantity',
  price: '--price',
  amount: '--amount',
  item: '--item',
  description: '--description',
};

export async function rfmCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  if (values.help) {
    io.stdout.write(RFM_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError('bad-option', 'Give exactly one CSV file: segmentlens rfm FILE [options].');
  if (values['day-first'] && values['month-first'])
    throw new UserError('bad-option', 'Give --day-first or --month-first, not both.');
  const dateOrder: DateOrder | null = values['day-first']
    ? 'dmy'
    : values['month-first']
      ? 'mdy'
      : null;
  let snapshot: number | null = null;
  if (values.snapshot !== undefined) {
    snapshot = parseDate(values.snapshot, 'ymd');
    if (Number.isNaN(snapshot))
      throw new UserError(
        'bad-option',
        `--snapshot must be a date such as 2011-12-10 or "2011-12-10 12:50", not "${values.snapshot}".`,
      );
  }
  const k = intOption('k', values.k, 1);
  const options: AnalysisOptions = {
    ...DEFAULT_ANALYSIS_OPTIONS,
    k: k ?? null,
    kMax: Math.max(
      k ?? 1,
      intOption('k-max', values['k-max'], 1, 50) ?? DEFAULT_ANALYSIS_OPTIONS.kMax,
    ),
    nInit: intOption('n-init', values['n-init'], 1, 1000) ?? DEFAULT_ANALYSIS_OPTIONS.nInit,
    seed: intOption('seed', values.seed, 0) ?? 0,
  };

  const path = positionals[0];
  const { source, close } = await fileSource(path);
  const progress = progressPrinter(io, !values.json);
  let table: Table;
  let rfm: RfmResult;
  let analysis: AnalysisResult;
  try {
    table = await readCsv(source, {
      ...readOptionsFrom(values),
      onProgress: (f) => progress('parse', f),
    });
    const columns = inferColumns(table, (f) => progress('infer', f));
    const suggested = suggestTransactionMapping(columns, table.rowCount).mapping;
    const mapping = mappingFrom(values, suggested);
    const problem = mappingProblem(mapping);
    if (problem !== null) throw new UserError('bad-mapping', withFlags(problem));
    try {
      rfm = computeRfm(table, { mapping, dateOrder, snapshot }, (f) => progress('rfm', f));
    } catch (error) {
      if (isUserError(error) && error.code === 'ambiguous-dates')
        throw new UserError(
          'ambiguous-dates',
          error.message.replace(/: say which\.$/, ': add --day-first or --month-first.'),
        );
      throw error;
    }
    if (rfm.customers.length < 2)
      throw new UserError(
        'too-few-rows',
        'Only one customer has usable orders, and segments need at least two: check the column choices.',
      );
    analysis = await clusterRfm(rfm, options, progress);
  } finally {
    progress.done();
    await close();
  }
  const clusters = customerClusters(analysis, analysis.k, rfm.customers.length);
  if (values.out !== undefined)
    await writeExports(values.out, table, columnsNumeric(table), rfm, clusters);
  const json = rfmJson(rfm, analysis);
  if (values.json) io.stdout.write(JSON.stringify(json) + '\n');
  else io.stdout.write(rfmText(path, rfm, analysis, values.out));
  return 0;
}

function mappingFrom(
  values: Partial<Record<keyof TransactionMapping, string>>,
  suggested: TransactionMapping,
): TransactionMapping {
  const given = (key: keyof TransactionMapping) => values[key] ?? null;
  // Money is quantity x price or an amount: a flag for one replaces the suggestion of the other.
  const moneyGiven =
    values.amount !== undefined || values.quantity !== undefined || values.price !== undefined;
  return {
    customer: given('customer') ?? suggested.customer,
    date: given('date') ?? suggested.date,
    order: given('order') ?? suggested.order,
    quantity: moneyGiven ? given('quantity') : suggested.quantity,
    price: moneyGiven ? given('price') : suggested.price,
    amount: moneyGiven ? given('amount') : suggested.amount,
  };
}

/** The mapping sentence, pointed at the flags that fix it. */
function withFlags(problem: string): string {
  if (problem.startsWith('Choose the column that identifies'))
    return 'No customer column was recognised: name it with --customer COL.';
  if (problem.startsWith('Choose the column that holds'))
    return 'No order date column was recognised: name it with --date COL.';
  if (problem.startsWith('Choose an amount'))
    return 'No money column was recognised: name one with --amount COL, or --quantity COL and --price COL.';
  return problem.replace(
    / give each role its own column\.$/,
    ` give each of ${Object.values(FLAG_OF).join(', ')} its own column.`,
  );
}

function columnsNumeric(table: Table): boolean[] {
  return inferColumns(table).map((c) => c.kind === 'numeric' || c.kind === 'identifier');
}

/** The result as the issue specifies it, plus the clusters. */
export function rfmJson(rfm: RfmResult, analysis: AnalysisResult) {
  const totals = cellTotals(rfm);
  const chosen = resultFor(analysis, analysis.k)!;
  return {
    rows: { read: rfm.rows.read, used: rfm.rows.used, dropped: rfm.rows.dropped },
    customers: rfm.customers.length,
    snapshot: formatDateTime(rfm.snapshot),
    firstOrder: formatDateTime(rfm.firstOrder),
    lastOrder: formatDateTime(rfm.lastOrder),
    dateOrder: rfm.dateOrder,
    revenue: rfm.totalRevenue,
    segmentCounts: segmentCounts(totals, rfm.segmentMap),
    segments: segmentSummary(totals, rfm.segmentMap).map((row) => ({
      name: row.name,
      customers: row.customers,
      share: row.share,
      meanRecency: row.customers > 0 ? row.meanRecency : null,
      meanFrequency: row.customers > 0 ? row.meanFrequency : null,
      meanMonetary: row.customers > 0 ? row.meanMonetary : null,
      revenueShare: row.revenueShare,
    })),
    clustering: {
      features: analysis.features.map((f) => f.name),
      k: analysis.k,
      recommendedK: analysis.recommendation.k,
      elbow: analysis.elbow.map((p) => ({
        k: p.k,
        inertia: p.inertia,
        silhouette: p.silhouette,
      })),
      clusters: chosen.profiles.segments.map((s) => ({
        id: s.id,
        label: s.label,
        size: s.size,
        means: Object.fromEntries(s.features.map((f) => [f.feature, f.mean])),
      })),
    },
  };
}

function rfmText(
  path: string,
  rfm: RfmResult,
  analysis: AnalysisResult,
  out: string | undefined,
): string {
  const dropped = RFM_DROP_REASONS.filter((r) => rfm.rows.dropped[r] > 0).map(
    (r) => `  ${String(rfm.rows.dropped[r]).padStart(9)}  ${RFM_DROP_LABELS[r]}`,
  );
  const summary = segmentSummary(cellTotals(rfm), rfm.segmentMap).sort(
    (a, b) => b.customers - a.customers,
  );
  const money = (v: number) => (Number.isNaN(v) ? '' : v.toFixed(2));
  const lines = [
    `${path}: ${rfm.rows.read} order lines read, ${rfm.rows.used} used, ${rfm.customers.length} customers`,
    ...(dropped.length > 0 ? ['Left out:', ...dropped] : []),
    `Orders from ${formatDateTime(rfm.firstOrder)} to ${formatDateTime(rfm.lastOrder)}; recency counted to ${formatDateTime(rfm.snapshot)}.`,
    '',
    'segment                customers   share  mean recency  mean frequency  mean monetary  revenue',
    ...summary.map(
      (row) =>
        `${row.name.padEnd(21)} ${String(row.customers).padStart(10)}  ${(row.share * 100).toFixed(1).padStart(5)}%  ${money(row.meanRecency).padStart(12)}  ${money(row.meanFrequency).padStart(14)}  ${money(row.meanMonetary).padStart(13)}  ${(row.revenueShare * 100).toFixed(1).padStart(6)}%`,
    ),
    '',
    `Clusters on log1p(frequency), log1p(monetary) and recency, standardised: k = ${analysis.k} (recommended ${analysis.recommendation.k}).`,
    ...resultFor(analysis, analysis.k)!.profiles.segments.map(
      (s) => `  ${String(s.id).padStart(2)}  ${String(s.size).padStart(7)}  ${s.label}`,
    ),
  ];
  if (out !== undefined) lines.push('', `Wrote rfm.csv and set-aside.csv to ${out}`);
  return lines.join('\n') + '\n';
}

async function writeExports(
  dir: string,
  table: Table,
  numericColumns: boolean[],
  rfm: RfmResult,
  clusters: Int32Array,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'rfm.csv'),
    rfmCsvParts({ rfm, map: rfm.segmentMap, clusters }).join(''),
  );
  const setAside: { row: number; reason: string; detail: string }[] = [];
  for (let row = 0; row < rfm.dropReason.length; row++) {
    const reason = rfm.dropReason[row];
    if (reason > 0)
      setAside.push({
        row,
        reason: RFM_DROP_REASONS[reason - 1],
        detail: RFM_DROP_LABELS[RFM_DROP_REASONS[reason - 1]],
      });
  }
  await writeFile(
    join(dir, 'set-aside.csv'),
    setAsideCsvParts(table, setAside, numericColumns).join(''),
  );
}
