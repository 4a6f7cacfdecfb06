import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';
import { readPage, settled, untranslated } from '../support/page';
import { blobText, captureDownloads, rowsOf } from '../support/downloads';

const count = (text: string | null | undefined) => Number((text ?? '').replace(/[,%]/g, ''));

/** Row header -> the numbers of its cells, of a table's body rows. */
function bodyRows(table: HTMLElement): Record<string, number[]> {
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .filter((row) => within(row).queryByRole('rowheader'))
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        within(row)
          .queryAllByRole('cell')
          .map((cell) => count(cell.textContent)),
      ]),
  );
}

async function switchTo(user: ReturnType<typeof userEvent.setup>, language: 'zh' | 'en') {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), language);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Save and apply (#17)', { timeout: 300_000 }, () => {
  it('saves the analysis with a name, opens it, applies it to the same file and writes SQL', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();

    // Another number of segments than the recommended one, so that opening it must restore it.
    await user.selectOptions(screen.getByLabelText('Number of segments'), '5');
    await settled();
    // Save analysis, with a name for segment 0.
    const exportSection = screen.getByRole('region', { name: /Export/ });
    // The field starts with the suggested name (#18): replaced by the user's own.
    await user.clear(within(exportSection).getByLabelText('Name of segment 0'));
    await user.type(
      within(exportSection).getByLabelText('Name of segment 0'),
      'Loyal “big” spenders',
    );
    await user.click(within(exportSection).getByRole('button', { name: 'Save analysis' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    expect(saved[0].name).toBe('customers - model.json');
    const modelText = await blobText(saved[0].blob);
    const model = JSON.parse(modelText) as {
      format: string;
      segments: { id: number; size: number; name: string | null }[];
      source: { fileName: string };
    };
    expect(model.format).toBe('segmentlens-model');
    expect(model.segments).toHaveLength(5);
    expect(model.source.fileName).toBe('customers.csv');
    expect(model.segments[0].name).toBe('Loyal “big” spenders');
    expect(model.segments.slice(1).every((s) => s.name === null)).toBe(true);
    // The page's own downloads say the name too.
    await user.click(
      within(exportSection).getByRole('button', {
        name: /^Download segment 0: Loyal “big” spenders/,
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    const own = await rowsOf(saved[1].blob);
    expect(own).toHaveLength(model.segments[0].size);
    expect(own.every((row) => row.segment_label === 'Loyal “big” spenders')).toBe(true);
    saved.splice(1);

    // Open it: what it is, then the same file applied.
    await user.upload(
      screen.getByLabelText('Open a saved analysis'),
      new File([modelText], 'customers - model.json', { type: 'application/json' }),
    );
    const panel = await screen.findByRole(
      'region',
      { name: 'Saved analysis' },
      { timeout: 60_000 },
    );
    expect(panel).toHaveTextContent('customers.csv');
    expect(panel).toHaveTextContent('Loyal “big” spenders');

    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    const sizes = await within(panel).findByRole(
      'table',
      { name: 'Segment sizes now and when saved' },
      { timeout: 120_000 },
    );
    await settled();
    const rows = bodyRows(sizes);
    expect(Object.keys(rows)).toHaveLength(model.segments.length);
    // The analysis set aside the file's exact duplicates; applying scores every row, so each
    // segment now holds its saved rows and the duplicates of its rows, nothing else.
    const lines = readFileSync(join(import.meta.dirname, '../../public/customers.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line !== '');
    const duplicates = lines.length - new Set(lines).size;
    expect(duplicates).toBeGreaterThan(0);
    const now = new Map<number, number>();
    for (const segment of model.segments) {
      const row = Object.entries(rows).find(([name]) => name.startsWith(`${segment.id}:`))!;
      expect(row[1][2]).toBe(segment.size);
      expect(row[1][0]).toBeGreaterThanOrEqual(segment.size);
      now.set(segment.id, row[1][0]);
    }
    const total = (sizes: Iterable<number>) => [...sizes].reduce((sum, size) => sum + size, 0);
    expect(total(now.values()) - total(model.segments.map((s) => s.size))).toBe(duplicates);
    expect(within(panel).getByText(/No feature mean moved/)).toBeInTheDocument();

    // The scored rows.
    await user.click(within(panel).getByRole('button', { name: 'Download all rows, scored' }));
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    expect(saved[1].name).toBe('customers - model applied, all segments.csv');
    const all = await rowsOf(saved[1].blob);
    // Every row of the file: the scored ones with their segment, the others with their reason.
    const scored = all.filter((row) => row.segment !== '');
    expect(scored).toHaveLength(total(now.values()));
    expect(
      all.filter((row) => row.segment === '').every((row) => row.set_aside_reason !== ''),
    ).toBe(true);
    for (const [id, size] of now)
      expect(scored.filter((row) => row.segment === String(id))).toHaveLength(size);
    expect(scored.find((row) => row.segment === '0')?.segment_label).toBe('Loyal “big” spenders');

    // SQL for PostgreSQL on a table of its own name, with an id column; its first lines shown.
    await user.selectOptions(within(panel).getByLabelText('Database'), 'postgres');
    await user.clear(within(panel).getByLabelText('Table'));
    await user.type(within(panel).getByLabelText('Table'), 'crm.customers');
    await user.type(within(panel).getByLabelText('Id column (optional)'), 'customer_id');
    await user.click(within(panel).getByRole('button', { name: 'Download SQL' }));
    await waitFor(() => expect(saved).toHaveLength(3), { timeout: 60_000 });
    expect(saved[2].name).toBe('customers - postgres.sql');
    const sql = await blobText(saved[2].blob);
    expect(sql).toMatch(/PostgreSQL/);
    expect(sql).toContain('"crm"."customers"');
    expect(sql).toContain('"customer_id"');
    const preview = within(panel).getByLabelText('The first lines of the query');
    expect(sql.startsWith(preview.textContent ?? '-')).toBe(true);

    // In Chinese: no English in the panel or the export section.
    await switchTo(user, 'zh');
    const panelZh = screen.getByRole('region', { name: '已保存的分析' });
    expect(within(panelZh).getByRole('table', { name: '各细分群现在与保存时的规模' })).toBeTruthy();
    expect(untranslated(readPage(document))).toEqual([]);
    await switchTo(user, 'en');

    // The saved analysis on this file: the same segments, sizes and names, the model closed.
    await user.click(
      within(panel).getByRole('button', { name: 'Show the saved analysis on this file' }),
    );
    await waitFor(
      () => expect(screen.queryByRole('region', { name: 'Saved analysis' })).toBeNull(),
      { timeout: 60_000 },
    );
    const profiles = await screen.findByRole(
      'table',
      { name: 'Segment profiles' },
      { timeout: 120_000 },
    );
    await settled();
    // The segments' rows (the table ends with the whole population).
    const shown = Object.entries(bodyRows(profiles)).filter(([name]) => /^\d+:/.test(name));
    expect(shown).toHaveLength(model.segments.length);
    for (const segment of model.segments) {
      const row = shown.find(([name]) => name.startsWith(`${segment.id}:`))!;
      expect(row[1][0]).toBe(segment.size);
    }
    expect(
      within(screen.getByRole('region', { name: /Export/ })).getByLabelText('Name of segment 0'),
    ).toHaveValue('Loyal “big” spenders');
  });

  it('saves an RFM analysis of order lines and applies it to the same order lines', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample transactions' }));
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    await settled();
    const exportSection = screen.getByRole('region', { name: /Export/ });
    await user.clear(within(exportSection).getByLabelText('Name of cluster 0'));
    await user.type(within(exportSection).getByLabelText('Name of cluster 0'), 'Best');
    // The name goes into the downloads: the per-cluster button and the table's cluster_label.
    expect(
      within(exportSection).getByRole('button', { name: /^Download cluster 0: Best \(/ }),
    ).toBeInTheDocument();
    await user.click(within(exportSection).getByRole('button', { name: 'Download the RFM table' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const table = await rowsOf(saved[0].blob);
    expect(table.filter((row) => row.cluster === '0').length).toBeGreaterThan(0);
    for (const row of table) expect(row.cluster_label === 'Best').toBe(row.cluster === '0');
    await user.click(within(exportSection).getByRole('button', { name: 'Save analysis' }));
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    const text = await blobText(saved[1].blob);
    const model = JSON.parse(text) as {
      rfm: { customers: number; map: { sizes: number[] } };
      segments: { size: number; name: string | null }[];
    };
    expect(model.segments[0].name).toBe('Best');
    await user.upload(
      screen.getByLabelText('Open a saved analysis'),
      new File([text], 'orders - model.json', { type: 'application/json' }),
    );
    const panel = await screen.findByRole(
      'region',
      { name: 'Saved analysis' },
      { timeout: 60_000 },
    );
    expect(panel).toHaveTextContent('RFM customers from order lines');
    await user.click(screen.getByRole('button', { name: 'Try sample transactions' }));
    const named = await within(panel).findByRole(
      'table',
      { name: 'Named RFM segments now and when saved' },
      { timeout: 120_000 },
    );
    await settled();
    // The same order lines: every named segment and cluster as big as when saved.
    for (const [, [now, then]] of Object.entries(bodyRows(named))) expect(now).toBe(then);
    // The order lines the customers come from are counted, and those left out can be downloaded.
    // Two sentences, each with its full stop; what an RFM model sets aside is customers.
    expect(panel).toHaveTextContent(
      /[\d,]+ order lines read, [\d,]+ used \([\d,]+ left out: download them below\)\. [\d,]+ of [\d,]+ customers scored\./,
    );
    expect(panel).toHaveTextContent('No customer was set aside.');
    expect(
      within(panel).getByRole('button', { name: 'Download the order lines left out' }),
    ).toBeInTheDocument();
    const sizes = bodyRows(
      within(panel).getByRole('table', { name: 'Segment sizes now and when saved' }),
    );
    for (const [, cells] of Object.entries(sizes)) expect(cells[0]).toBe(cells[2]);
    expect(Object.keys(sizes)[0]).toBe('0: Best');
    await user.click(within(panel).getByRole('button', { name: 'Download the scored customers' }));
    await waitFor(() => expect(saved).toHaveLength(3), { timeout: 60_000 });
    expect(await rowsOf(saved[2].blob)).toHaveLength(model.rfm.customers);
    // An RFM query has no id column to ask for.
    expect(within(panel).queryByLabelText('Id column (optional)')).toBeNull();
  });

  it('stops applying on Cancel, then applies the same file again', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    await user.click(screen.getByRole('button', { name: 'Save analysis' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    await user.upload(
      screen.getByLabelText('Open a saved analysis'),
      new File([await blobText(saved[0].blob)], 'model.json', { type: 'application/json' }),
    );
    const panel = await screen.findByRole(
      'region',
      { name: 'Saved analysis' },
      { timeout: 60_000 },
    );
    const file = new File(
      [readFileSync(join(import.meta.dirname, '../../public/customers.csv'))],
      'again.csv',
    );
    // Cancel while the file is applied (the Cancel button's action, before the result is in).
    const applying = useStore.getState().applyModelTo(file, file.name);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    useStore.getState().cancel();
    await applying;
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(
      within(panel).queryByRole('table', { name: 'Segment sizes now and when saved' }),
    ).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('');
    expect(screen.getByRole('alert')).toHaveClass('alert--empty');
    // The same file again: applied in full.
    await user.upload(within(panel).getByLabelText('Choose the file to apply it to'), file);
    const sizes = await within(panel).findByRole(
      'table',
      { name: 'Segment sizes now and when saved' },
      { timeout: 120_000 },
    );
    expect(within(sizes).getAllByRole('row')).toHaveLength(5);
    expect(within(panel).getByText(/Applied to/)).toHaveTextContent('again.csv');
  });

  it('refuses a file that is not a model with one sentence, and the page keeps working', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Open a saved analysis'),
      new File(['{"hello": 1}'], 'other.json', { type: 'application/json' }),
    );
    // The alert region is always there (empty until a message): wait for the sentence itself.
    await waitFor(
      () => expect(screen.getByRole('alert')).toHaveTextContent(/JSON but not a SegmentLens model/),
      { timeout: 60_000 },
    );
    expect(screen.queryByRole('region', { name: 'Saved analysis' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try sample customers' })).toBeEnabled();
  });
});
