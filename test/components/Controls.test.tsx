import { settled } from '../support/page';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { App } from '../../src/components/App';
import { encodeWindows1252 } from '../fixtures/encode';
import { blobText } from '../support/downloads';

async function csvRows(blob: Blob): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>((await blobText(blob)).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Every download the page starts, with the name it would be saved under. */
function captureDownloads() {
  const saved: { blob: Blob; name: string }[] = [];
  let made: Blob | null = null;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => ((made = blob), 'blob:test'),
      revokeObjectURL: () => {},
    }),
  );
  // jsdom cannot follow a download link; the browser tests do.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (made) saved.push({ blob: made, name: this.download });
    made = null;
  });
  return saved;
}

/** Clicks a download button and returns the rows of the file it saves. */
async function download(
  user: ReturnType<typeof userEvent.setup>,
  saved: { blob: Blob; name: string }[],
  name: string | RegExp,
) {
  const before = saved.length;
  await user.click(screen.getByRole('button', { name }));
  await waitFor(() => expect(saved).toHaveLength(before + 1));
  return { name: saved[before].name, rows: await csvRows(saved[before].blob) };
}

const count = (text: string | null | undefined) => Number((text ?? '').replace(/,/g, ''));
const percent = (text: string | null | undefined) => Number((text ?? '').replace(/%$/, ''));

/** The text an element's aria-describedby points at (a chart's summary). */
const description = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

async function load(file: File, until: string) {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
  await screen.findByRole('table', { name: until }, { timeout: 120_000 });
  await settled();
  return user;
}

const customersFile = (rows: number, seed: number) =>
  new File([generateCustomersCsv({ rows, seed })], 'customers.csv', { type: 'text/csv' });

const transactionsFile = () =>
  new File([generateTransactionsCsv({ customers: 150, seed: 4 })], 'orders.csv', {
    type: 'text/csv',
  });

/** The cells of a table's body rows, by row header: { header: [cell texts] }. */
function rowsOf(table: HTMLElement): Record<string, string[]> {
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .filter((row) => within(row).queryByRole('rowheader'))
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        within(row)
          .queryAllByRole('cell')
          .map((cell) => cell.textContent ?? ''),
      ]),
  );
}

/** The counts of the cleaning report, by row heading. */
function cleaningReport(): Record<string, number> {
  const rows = rowsOf(screen.getByRole('table', { name: 'Rows read, analysed and set aside' }));
  return Object.fromEntries(Object.entries(rows).map(([name, cells]) => [name, count(cells[0])]));
}

/** Segment id -> [label, size], from the Segment profiles table. */
function profileSegments(): Map<number, [string, number]> {
  const rows = rowsOf(screen.getByRole('table', { name: 'Segment profiles' }));
  const segments = new Map<number, [string, number]>();
  for (const [header, cells] of Object.entries(rows)) {
    const match = /^(\d+): (.*)$/.exec(header);
    if (match) segments.set(Number(match[1]), [match[2], count(cells[0])]);
  }
  return segments;
}

const analysedInProfiles = () =>
  count(
    rowsOf(screen.getByRole('table', { name: 'Segment profiles' }))['All analysed customers'][0],
  );

function columnHeaders(table: string): string[] {
  return within(screen.getByRole('table', { name: table }))
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');
}

/** What the RFM Segment summary says, by segment name. */
function rfmSummary(): Record<
  string,
  { customers: number; recency: number; revenueShare: number }
> {
  const rows = rowsOf(screen.getByRole('table', { name: 'Segment summary' }));
  return Object.fromEntries(
    Object.entries(rows).map(([name, cells]) => [
      name,
      { customers: count(cells[0]), recency: count(cells[2]), revenueShare: percent(cells[5]) },
    ]),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('page controls, one row per customer', () => {
  it('stops using a numeric column as a number once it is categorical, and one-hot encodes it when ticked', async () => {
    const lines = ['customer_id,spend,visits,stores'];
    for (let i = 0; i < 90; i++)
      lines.push(`c${i},${100 + ((i * 37) % 900)},${1 + ((i * 7) % 12)},${1 + (i % 3)}`);
    const user = await load(new File([lines.join('\n')], 'stores.csv'), 'Segment profiles');
    expect(screen.getByLabelText('Kind of stores')).toHaveValue('numeric');
    expect(screen.getByLabelText('Use stores as feature')).toBeChecked();
    expect(columnHeaders('Segment profiles')).toEqual([
      'Segment',
      'Size',
      'Share',
      'spend',
      'visits',
      'stores',
    ]);
    const logChoices = () =>
      within(screen.getByRole('group', { name: /^Log transform/ }))
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent);
    expect(logChoices()).toEqual(['spend', 'visits', 'stores']);

    await user.selectOptions(screen.getByLabelText('Kind of stores'), 'categorical');
    expect(screen.getByLabelText('Use stores as feature')).not.toBeChecked();
    expect(logChoices()).toEqual(['spend', 'visits']);
    // Profiled as a category now, no longer as a number.
    await waitFor(
      () =>
        expect(columnHeaders('Segment profiles')).toEqual([
          'Segment',
          'Size',
          'Share',
          'spend',
          'visits',
          'stores (most common)',
        ]),
      { timeout: 120_000 },
    );
    // The scree chart takes its turn after the profiles (see useLaterValue).
    await waitFor(() =>
      expect(columnHeaders('Variance explained and loadings of each component').slice(3)).toEqual([
        'spend',
        'visits',
      ]),
    );

    await user.click(screen.getByLabelText('Use stores as feature'));
    await waitFor(
      () =>
        expect(columnHeaders('Variance explained and loadings of each component').slice(3)).toEqual(
          ['spend', 'visits', 'stores=1', 'stores=2', 'stores=3'],
        ),
      { timeout: 120_000 },
    );
  });

  it('says so when every feature is unticked, and analyses again once one is ticked', async () => {
    const user = await load(customersFile(300, 3), 'Segment profiles');
    const features = [
      'age',
      'annual_income',
      'annual_spend',
      'visits_per_month',
      'tenure_months',
    ].map((name) => screen.getByLabelText(`Use ${name} as feature`));
    for (const box of features) await user.click(box);
    await waitFor(
      () =>
        expect(screen.getByRole('alert')).toHaveTextContent(
          'No feature is chosen: tick "use as feature" for at least one numeric column.',
        ),
      { timeout: 120_000 },
    );
    await user.click(features[2]);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^$/), {
      timeout: 120_000,
    });
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('table', { name: 'Segment profiles' }))
            .getAllByRole('columnheader')
            .map((cell) => cell.textContent),
        ).toContain('annual_spend'),
      { timeout: 120_000 },
    );
  });

  it('puts the original features chosen on the scatter axes', async () => {
    const user = await load(customersFile(300, 3), 'Segment profiles');
    const figure = await screen.findByRole('figure', { name: 'Segment scatter' });
    // The axis labels and ticks are SVG text: nothing else in the chart names the axes.
    const axisTexts = () =>
      within(figure)
        .getAllByText(/./)
        .filter((el) => el.closest('svg') !== null && el.children.length === 0)
        .map((el) => el.textContent ?? '');
    const horizontal = within(figure).getByLabelText('Horizontal axis');
    const vertical = within(figure).getByLabelText('Vertical axis');
    const pc1 = (horizontal as HTMLSelectElement).selectedOptions[0].textContent ?? '';
    const pc2 = (vertical as HTMLSelectElement).selectedOptions[0].textContent ?? '';
    expect(pc1).toMatch(/^PC1 \(\d+\.\d%\)$/);
    expect(pc2).toMatch(/^PC2 \(\d+\.\d%\)$/);
    expect(axisTexts()).toEqual(expect.arrayContaining([pc1, pc2]));
    expect(description(figure).startsWith(`${pc1} across, ${pc2} up, showing all`)).toBe(true);
    expect(
      within(horizontal)
        .getAllByRole('option')
        .map((option) => option.textContent)
        .slice(-5),
    ).toEqual(['age', 'annual_income', 'annual_spend', 'visits_per_month', 'tenure_months']);

    await user.selectOptions(horizontal, 'annual_spend');
    await user.selectOptions(vertical, 'age');
    await waitFor(() => expect(axisTexts()).toEqual(expect.arrayContaining(['annual_spend'])));
    // The summary a screen reader hears names the axes too.
    expect(description(figure)).toMatch(/^annual_spend across, age up, showing all/);
    const texts = axisTexts();
    expect(texts).not.toContain(pc1);
    expect(texts).not.toContain(pc2);
    // Ticks come before their axis's label: spend runs to thousands, age stays below 100.
    const xLabel = texts.indexOf('annual_spend');
    const yLabel = texts.indexOf('age');
    expect(yLabel).toBeGreaterThan(xLabel);
    const xTicks = texts.slice(0, xLabel).map(count);
    const yTicks = texts.slice(xLabel + 1, yLabel).map(count);
    expect(Math.max(...xTicks)).toBeGreaterThanOrEqual(5000);
    expect(Math.min(...yTicks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...yTicks)).toBeLessThanOrEqual(120);
    expect(Math.max(...yTicks)).toBeGreaterThanOrEqual(60);
  });

  it('samples the scatter above 2,000 analysed rows and says so', async () => {
    await load(customersFile(3000, 11), 'Segment profiles');
    const analysed = cleaningReport()['Rows analysed'];
    expect(analysed).toBeGreaterThan(2000);
    expect(analysedInProfiles()).toBe(analysed);
    const figure = await screen.findByRole('figure', { name: 'Segment scatter' });
    const shown = /showing ([\d,]+) of ([\d,]+) customers, a sample drawn from every segment/.exec(
      description(figure),
    );
    expect(shown).not.toBeNull();
    expect(count(shown?.[1])).toBeLessThanOrEqual(2000);
    expect(count(shown?.[1])).toBeGreaterThan(1900);
    expect(count(shown?.[2])).toBe(analysed);
  });

  it('names the best k of the quality index chosen under the elbow curve', async () => {
    const user = await load(customersFile(300, 3), 'Segment profiles');
    const figure = screen.getByRole('figure', { name: 'Elbow curve' });
    const values = within(figure).getByRole('table', { name: 'Elbow curve values' });
    const table = Object.entries(rowsOf(values))
      .map(([k, cells]) => ({ k: Number(k), values: cells.slice(1).map(count) }))
      .filter((row) => row.k >= 2);
    const bestK = (column: number, lower: boolean) =>
      table.reduce((best, row) =>
        lower
          ? row.values[column] < best.values[column]
            ? row
            : best
          : row.values[column] > best.values[column]
            ? row
            : best,
      );
    const checks: [string, string, number, boolean][] = [
      ['silhouette', 'Silhouette (higher is better)', 0, false],
      ['daviesBouldin', 'Davies-Bouldin (lower is better)', 1, true],
      ['calinskiHarabasz', 'Calinski-Harabasz (higher is better)', 2, false],
    ];
    const said = new Set<number>();
    for (const [value, wording, column, lower] of checks) {
      await user.selectOptions(within(figure).getByLabelText('Quality index'), value);
      const best = bestK(column, lower);

      expect(figure).toHaveAccessibleDescription(
        new RegExp(`${wording.replace(/[()]/g, '\\$&')} is best at k = ${best.k} \\(`),
      );
      for (const other of checks.filter((c) => c[0] !== value))
        expect(description(figure)).not.toContain(other[1]);
      said.add(best.k);
    }
    // This file's indices disagree, so the summary really follows the select.
    expect(said.size).toBeGreaterThan(1);
  });

  it('downloads each segment and the rows set aside, matching the tables', async () => {
    const saved = captureDownloads();
    const lines = generateCustomersCsv({ rows: 400, seed: 21, duplicates: 4 }).split('\n');
    lines.splice(10, 0, 'C999999,1,2,3,4,5,6,7,8,9');
    const user = await load(new File([lines.join('\n')], 'shop.csv'), 'Segment profiles');

    const segments = profileSegments();
    expect(segments.size).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (const [id, [label, size]] of segments) {
      const file = await download(
        user,
        saved,
        `Download segment ${id}: ${label} (${size.toLocaleString('en-US')} rows)`,
      );
      expect(file.name).toBe(`shop - segment ${id} - ${label}.csv`);
      expect(file.rows).toHaveLength(size);
      expect(new Set(file.rows.map((row) => `${row.segment} ${row.segment_label}`))).toEqual(
        new Set([`${id} ${label}`]),
      );
      for (const row of file.rows) seen.add(row.customer_id);
    }
    // Together the segments are every analysed row, each once.
    expect(seen.size).toBe(cleaningReport()['Rows analysed']);

    const report = cleaningReport();
    const file = await download(user, saved, 'Download cleaning report');
    expect(file.name).toBe('shop - cleaning report (rows set aside).csv');
    expect(file.rows).toHaveLength(report['Rows set aside']);
    expect(report['Rows read']).toBe(report['Rows analysed'] + report['Rows set aside']);
    const byReason: Record<string, number> = {};
    for (const row of file.rows) byReason[row.reason] = (byReason[row.reason] ?? 0) + 1;
    expect(byReason).toEqual({
      malformed: report['could not be read (wrong number of fields or broken quotes)'],
      duplicate: report['exact duplicates of an earlier row'],
      missing: report['missing a value in a feature'],
    });
    expect(byReason.malformed).toBe(1);
    expect(byReason.duplicate).toBe(4);
    // Each row set aside points at its line in the file.
    for (const row of file.rows) {
      const text = lines[Number(row.line) - 1];
      if (row.reason === 'malformed') expect(row.original_text).toBe(text);
      else expect(text.split(',')[0]).toBe(row.customer_id);
    }
  });

  it('reads the file again in the encoding chosen', async () => {
    const people = [
      ['Zoë', 'Genève'],
      ['Anaïs', 'Zürich'],
      ['Bob', 'Paris'],
    ];
    const lines = ['name,city,spend'];
    for (let i = 0; i < 30; i++)
      lines.push(`${people[i % 3][0]},${people[i % 3][1]},${10 + ((i * 13) % 50)}`);
    const user = await load(
      new File([encodeWindows1252(lines.join('\n'))], 'legacy.csv'),
      'Segment profiles',
    );
    const topValues = () => {
      const rows = rowsOf(screen.getByRole('table', { name: 'Columns' }));
      return { name: rows.name.at(-1), city: rows.city.at(-1) };
    };
    expect(screen.getByLabelText('Encoding')).toHaveValue('windows-1252');
    expect(topValues()).toEqual({
      name: 'Anaïs (10), Bob (10), Zoë (10)',
      city: 'Genève (10), Paris (10), Zürich (10)',
    });

    await user.selectOptions(screen.getByLabelText('Encoding'), 'utf-8');
    await waitFor(
      () =>
        expect(topValues()).toEqual({
          name: 'Ana\uFFFDs (10), Bob (10), Zo\uFFFD (10)',
          city: 'Gen\uFFFDve (10), Paris (10), Z\uFFFDrich (10)',
        }),
      { timeout: 120_000 },
    );
    expect(screen.getByLabelText('Encoding')).toHaveDisplayValue('UTF-8');

    await user.selectOptions(screen.getByLabelText('Encoding'), 'windows-1252');
    await waitFor(() => expect(topValues().city).toBe('Genève (10), Paris (10), Zürich (10)'), {
      timeout: 120_000,
    });
  });

  it('keeps a row with too few fields when asked, instead of setting it aside', async () => {
    const lines = ['customer_id,spend,visits,region'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `c${i},${100 + ((i * 37) % 900)},${1 + ((i * 7) % 12)},${['North', 'South'][i % 2]}`,
      );
    lines.splice(5, 0, 'c99,250,4');
    const user = await load(new File([lines.join('\n')], 'short.csv'), 'Segment profiles');
    expect(cleaningReport()).toEqual({
      'Rows read': 41,
      'Rows analysed': 40,
      'Rows set aside': 1,
      'could not be read (wrong number of fields or broken quotes)': 1,
    });
    const keep = screen.getByRole('checkbox', { name: /with too few fields/ });
    expect(keep).not.toBeChecked();

    await user.click(keep);
    await waitFor(() => expect(cleaningReport()['Rows analysed']).toBe(41), { timeout: 120_000 });
    expect(cleaningReport()).toEqual({
      'Rows read': 41,
      'Rows analysed': 41,
      'Rows set aside': 0,
    });
    expect(analysedInProfiles()).toBe(41);
  });
});

describe('page controls, order lines (RFM)', () => {
  it('loads the sample transactions and shows their RFM segments', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample transactions' }));
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    expect(
      within(screen.getByRole('region', { name: /Load a file/ })).getByText('transactions.csv'),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Analyse as transactions \(RFM\)/ })).toBeChecked();

    // What the sample holds, counted here from the file itself.
    const lines = Papa.parse<Record<string, string>>(
      readFileSync(join(import.meta.dirname, '..', '..', 'public', 'transactions.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const used = lines.filter(
      (line) =>
        line.CustomerID !== '' &&
        !line.InvoiceNo.startsWith('C') &&
        Number(line.Quantity) > 0 &&
        Number(line.UnitPrice) > 0,
    );
    const report = rowsOf(
      screen.getByRole('table', { name: 'Order lines read, used and left out' }),
    );
    expect(count(report['Order lines read'][0])).toBe(lines.length);
    expect(count(report['Used for RFM'][0])).toBe(used.length);
    const customers = new Set(used.map((line) => line.CustomerID)).size;
    const summary = rfmSummary();
    expect(Object.values(summary).reduce((sum, row) => sum + row.customers, 0)).toBe(customers);
    expect(Object.keys(summary)).toContain('Champions');
  });

  it('counts recency to the snapshot date chosen', async () => {
    const user = await load(transactionsFile(), 'Segment summary');
    // Customer -> recency, for the 25 customers on the first page (most monetary first).
    const customerTable = () => {
      const rows = rowsOf(screen.getByRole('table', { name: 'Customers' }));
      expect(Object.keys(rows)).toHaveLength(25);
      return Object.fromEntries(
        Object.entries(rows).map(([customer, cells]) => [customer, count(cells[0])]),
      );
    };
    const before = await waitFor(customerTable);
    const meanRecency = () => {
      const rows = Object.values(rfmSummary()).filter((row) => row.customers > 0);
      const customers = rows.reduce((sum, row) => sum + row.customers, 0);
      return rows.reduce((sum, row) => sum + row.customers * row.recency, 0) / customers;
    };
    const meanBefore = meanRecency();
    // The hint says the day as the language writes it; its <time> says it for machines.
    const hint = screen.getByText(/^The day after the last order: /);
    const defaultSnapshot = Date.parse(hint.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(Number.isFinite(defaultSnapshot)).toBe(true);
    const day = new Date(defaultSnapshot).toISOString().slice(0, 10);

    // Forty days after the default day, at midnight UTC.
    const snapshot = Date.parse(`${day}T00:00:00Z`) + 40 * 86_400_000;
    const date = screen.getByLabelText('Count recency to');
    await user.type(date, new Date(snapshot).toISOString().slice(0, 10));
    expect(
      await screen.findByText('Clear the date to count to the day after the last order.'),
    ).toBeInTheDocument();
    const shift = (snapshot - defaultSnapshot) / 86_400_000;
    const [low, high] = [Math.floor(shift), Math.ceil(shift)];
    expect(low).toBeGreaterThanOrEqual(39);
    await waitFor(() => expect(meanRecency()).toBeGreaterThan(meanBefore + low - 0.1), {
      timeout: 120_000,
    });
    expect(meanRecency()).toBeLessThan(meanBefore + high + 0.1);
    await waitFor(() => {
      const after = customerTable();
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [customer, recency] of Object.entries(after))
        expect([low, high]).toContain(recency - before[customer]);
    });
  });

  it('exports the RFM table with the segment names and cells as edited on the page', async () => {
    const saved = captureDownloads();
    const user = await load(transactionsFile(), 'Segment summary');
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    const before = rfmSummary();
    await user.click(screen.getByRole('button', { name: 'Edit segments' }));
    const name = screen.getByLabelText('Name of segment 1');
    expect(name).toHaveValue('Champions');
    await user.clear(name);
    await user.type(name, 'VIPs');
    await user.selectOptions(screen.getByLabelText('Segment of R 4 F 5'), 'VIPs');
    const after = rfmSummary();
    expect(after.Champions).toBeUndefined();
    expect(after.VIPs.customers).toBeGreaterThan(before.Champions.customers);

    const all = await download(user, saved, 'Download the RFM table');
    expect(all.name).toBe('orders - RFM table.csv');
    const vips = all.rows.filter((row) => row.segment === 'VIPs');
    expect(vips).toHaveLength(after.VIPs.customers);
    expect(all.rows.filter((row) => row.segment === 'Champions')).toHaveLength(0);
    const moved = all.rows.filter((row) => row.R === '4' && row.F === '5');
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((row) => row.segment === 'VIPs')).toBe(true);
    expect(vips.length).toBe(before.Champions.customers + moved.length);

    const only = await download(
      user,
      saved,
      `Download VIPs (${after.VIPs.customers.toLocaleString('en-US')} customers)`,
    );
    expect(only.name).toBe('orders - RFM - VIPs.csv');
    expect(only.rows.map((row) => row.customer)).toEqual(vips.map((row) => row.customer));
  });

  it("gives each segment's share of revenue as the exported monetary values add up", async () => {
    const saved = captureDownloads();
    const user = await load(transactionsFile(), 'Segment summary');
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    const { rows } = await download(user, saved, 'Download the RFM table');
    const revenue = new Map<string, number>();
    for (const row of rows)
      revenue.set(row.segment, (revenue.get(row.segment) ?? 0) + Number(row.monetary));
    const total = [...revenue.values()].reduce((a, b) => a + b, 0);
    const summary = rfmSummary();
    const named = Object.entries(summary).filter(([, row]) => row.customers > 0);
    expect(named.length).toBeGreaterThan(3);
    for (const [segment, row] of named) {
      expect(row.customers).toBe(rows.filter((r) => r.segment === segment).length);
      // The table shows one decimal of a percentage.
      expect(
        Math.abs(row.revenueShare - (100 * (revenue.get(segment) ?? 0)) / total),
      ).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    expect(summary.Champions.revenueShare).toBeGreaterThan(0);
  });
});
