import { settled } from '../support/page';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { REFUSED } from '../fixtures/files';
import { blobText } from '../support/downloads';

const customers = () =>
  new File([generateCustomersCsv({ rows: 400, seed: 5, duplicates: 2 })], 'shop customers.csv', {
    type: 'text/csv',
  });

async function loadThroughInput(file: File) {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

describe('App', () => {
  it('reads a file from the labelled input and shows columns, charts and profiles', async () => {
    await loadThroughInput(customers());
    const region = screen.getByRole('region', { name: /Load a file/ });
    expect(within(region).getByText('shop customers.csv')).toBeInTheDocument();
    expect(within(region).getByText('402')).toBeInTheDocument();
    expect(screen.getByLabelText('Delimiter')).toHaveDisplayValue('comma');
    expect(screen.getByLabelText('Encoding')).toHaveDisplayValue('UTF-8');
    expect(screen.getByLabelText('Kind of customer_id')).toHaveValue('identifier');
    expect(screen.getByLabelText('Use customer_id as feature')).not.toBeChecked();
    expect(screen.getByLabelText('Use annual_spend as feature')).toBeChecked();
    expect(screen.getByRole('figure', { name: 'Elbow curve' })).toBeInTheDocument();
    expect(
      await screen.findByRole('figure', { name: 'Segment scatter' }),
    ).toHaveAccessibleDescription(/showing all \d+ customers/);
    expect(
      await screen.findByRole('figure', { name: 'Principal components (scree)' }),
    ).toBeInTheDocument();
    const report = screen.getByRole('table', { name: 'Rows read, analysed and set aside' });
    expect(within(report).getByRole('row', { name: /Rows read 402/ })).toBeInTheDocument();
  });

  it('treats columns named like members of Object.prototype as columns (#20.4)', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const rows = Array.from({ length: 60 }, (_, i) =>
      [i, ...names.map((_, j) => ((i % 3) * 10 + ((i * (j + 3)) % 7) / 7).toFixed(3))].join(','),
    );
    const user = await loadThroughInput(
      new File([['id', ...names].join(',') + '\n' + rows.join('\n')], 'proto.csv'),
    );
    for (const name of names) {
      expect(screen.getByLabelText(`Kind of ${name}`)).toHaveValue('numeric');
      expect(screen.getByLabelText(`Use ${name} as feature`)).toBeEnabled();
      expect(screen.getByLabelText(`Use ${name} as feature`)).toBeChecked();
    }
    await user.selectOptions(screen.getByLabelText('Kind of __proto__'), 'identifier');
    await waitFor(() =>
      expect(screen.getByLabelText('Use __proto__ as feature')).not.toBeChecked(),
    );
    expect(screen.getByLabelText('Kind of __proto__')).toHaveValue('identifier');
  });

  it('shows another number of segments at once', async () => {
    const user = await loadThroughInput(customers());
    const control = screen.getByLabelText('Number of segments');
    await user.selectOptions(control, '6');
    const profiles = screen.getByRole('table', { name: 'Segment profiles' });
    // 6 segments plus the header row (the footer is in its own row group).
    expect(
      within(profiles)
        .getAllByRole('rowheader')
        .filter((cell) => /^\d+:/.test(cell.textContent ?? '')),
    ).toHaveLength(6);
    await user.selectOptions(control, '2');
    expect(
      within(screen.getByRole('table', { name: 'Segment profiles' }))
        .getAllByRole('rowheader')
        .filter((cell) => /^\d+:/.test(cell.textContent ?? '')),
    ).toHaveLength(2);
  });

  it('analyses again when a feature is left out', async () => {
    const user = await loadThroughInput(customers());
    expect(
      within(screen.getByRole('table', { name: 'Segment profiles' })).getByRole('columnheader', {
        name: 'tenure_months',
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByLabelText('Use tenure_months as feature'));
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('table', { name: 'Segment profiles' })).queryByRole(
            'columnheader',
            { name: 'tenure_months' },
          ),
        ).toBeNull(),
      { timeout: 120_000 },
    );
  });

  it('fills missing values when asked and reports it', async () => {
    const user = await loadThroughInput(customers());
    await user.selectOptions(screen.getByLabelText('Missing values'), 'median');
    const filled = await screen.findAllByText(
      /missing values? filled with .* \(median\)/,
      {},
      { timeout: 120_000 },
    );
    expect(filled.map((item) => item.textContent?.split(':')[0])).toEqual([
      'age',
      'annual_income',
      'annual_spend',
      'visits_per_month',
      'tenure_months',
    ]);
    const report = screen.getByRole('table', { name: 'Rows read, analysed and set aside' });
    expect(within(report).queryByText(/missing a value/)).toBeNull();
  });

  it('downloads all segments: every row once, with segment, segment_label and why a row was set aside', async () => {
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:test'),
        revokeObjectURL: () => {},
      }),
    );
    // jsdom cannot follow a download link; the browser tests do.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = await loadThroughInput(customers());
    await user.click(screen.getByRole('button', { name: 'Download all segments' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      'shop customers - all segments (k=' +
        (screen.getByLabelText('Number of segments') as HTMLSelectElement).value +
        ').csv',
    );
    const rows = Papa.parse<Record<string, string>>(
      (await blobText(saved[0])).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const profiles = screen.getByRole('table', { name: 'Segment profiles' });
    const analysed = Number(
      within(profiles)
        .getByRole('row', { name: /All analysed customers/ })
        .querySelector('td')
        ?.textContent?.replace(/,/g, ''),
    );
    const read = Number(
      within(screen.getByRole('table', { name: 'Rows read, analysed and set aside' }))
        .getByRole('row', { name: /^Rows read/ })
        .querySelector('td')
        ?.textContent?.replace(/,/g, ''),
    );
    // Every record (#18): the rows set aside too, with an empty segment and their reason.
    expect(rows).toHaveLength(read);
    expect(read).toBeGreaterThan(analysed);
    expect(Object.keys(rows[0]).slice(-3)).toEqual([
      'segment',
      'segment_label',
      'set_aside_reason',
    ]);
    const inSegments = rows.filter((r) => r.segment !== '');
    expect(inSegments).toHaveLength(analysed);
    expect(new Set(inSegments.map((r) => r.customer_id)).size).toBe(analysed);
    for (const row of rows) expect(row.set_aside_reason === '').toBe(row.segment !== '');
  });

  it('says in one sentence what to do with a file that is not a CSV, and stays usable', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'book.csv'),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'This file is a damaged zip archive, not a CSV, Excel workbook or Parquet file',
      ),
    );
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), customers());
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('names the refused file when the file before it stays on the page', async () => {
    const user = await loadThroughInput(customers());
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([''], 'empty.csv'),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'empty.csv was not read, and the page still shows the file before it. This file is empty: choose a CSV file with a header row and rows of data.',
      ),
    );
    expect(screen.getByRole('table', { name: 'Segment profiles' })).toBeInTheDocument();
  });

  it(
    'refuses every file it cannot segment with one sentence, and reads the next file',
    { timeout: 120_000 },
    async () => {
      // As a user who picks "All files" in the file dialog: the accept filter does not apply.
      const user = userEvent.setup({ applyAccept: false });
      render(<App />);
      for (const fixture of REFUSED.filter((f) => !f.k)) {
        await user.upload(
          screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
          new File([fixture.bytes], fixture.name),
        );
        await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(fixture.message), {
          timeout: 120_000,
        });
      }
      const huge = new File(['x'], 'huge.csv');
      Object.defineProperty(huge, 'size', { value: 2 * 1024 ** 3 });
      await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), huge);
      await waitFor(() =>
        expect(screen.getByRole('alert')).toHaveTextContent(
          /This file is 2\.00 GB, more than the 1\.00 GB this page can hold: use the command line/,
        ),
      );
      await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), customers());
      await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
      expect(screen.getByRole('alert')).toBeEmptyDOMElement();
    },
  );

  it('warns when there are fewer rows than segments asked for, and still shows what it can', async () => {
    await loadThroughInput(new File(['x,y\n1,2\n3,5\n6,1\n'], 'three.csv'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Only 3 rows are left to analyse, so k runs from 1 to 3: add rows or ask for fewer segments.',
    );
    expect(within(screen.getByLabelText('Number of segments')).getAllByRole('option')).toHaveLength(
      3,
    );
  });

  it('loads the sample customers', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    expect(screen.getByText('customers.csv')).toBeInTheDocument();
  });

  it('renders names from the file as text, never as markup', async () => {
    const hostile = new File(['<img src=x onerror=alert(1)>,spend\na,1\nb,5\nc,9\nd,2\n'], 'x.csv');
    await loadThroughInput(hostile);
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });
});
