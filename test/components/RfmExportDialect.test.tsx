import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateOrderShapeCsv, ORDER_SHAPES } from '../../scripts/generators/orderShapes';
import { App } from '../../src/components/App';
import { blobText, captureDownloads } from '../support/downloads';
import { settled } from '../support/page';

/** A German account export (semicolons, decimal commas) with one unreadable date. */
function germanOrders(): string {
  const lines = generateOrderShapeCsv(ORDER_SHAPES.german, { seed: 4, customers: 40 }).split('\n');
  lines.splice(2, 0, lines[1].replace(/\d\d\.\d\d\.\d{4}/, 'unbekannt'));
  return lines.join('\n');
}
const FILE_TEXT = germanOrders();

async function recordsOf(blob: Blob, delimiter: string): Promise<string[][]> {
  const text = (await blobText(blob)).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('The RFM downloads in the chosen CSV format (#18)', () => {
  it('offers the input’s format for the RFM table, in English and Chinese', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    const file = new File([FILE_TEXT], 'buchungen.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
    await screen.findByRole('table', { name: 'Segment summary' }, { timeout: 120_000 });
    await settled();

    const exportSection = screen.getByRole('region', { name: /Export/ });
    const formats = within(exportSection).getByRole('group', { name: 'CSV format' });
    expect(
      within(formats).getByRole('radio', { name: 'Standard (comma, decimal point)' }),
    ).toBeChecked();
    await user.click(within(exportSection).getByRole('button', { name: 'Download the RFM table' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const standard = await recordsOf(saved[0].blob, ',');
    expect(standard[0].slice(0, 4)).toEqual(['customer', 'recency', 'frequency', 'monetary']);

    await user.click(
      within(formats).getByRole('radio', { name: 'As the input file (semicolon, decimal comma)' }),
    );
    await user.click(within(exportSection).getByRole('button', { name: 'Download the RFM table' }));
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    expect(
      (await blobText(saved[1].blob))
        .replace(/^\uFEFF/, '')
        .startsWith('customer;recency;frequency;'),
    ).toBe(true);
    const input = await recordsOf(saved[1].blob, ';');
    // The same figures with decimal commas; the clusters' names are text, commas and all.
    const names = standard[0].indexOf('cluster_label');
    expect(
      input.map((row) => row.map((cell, c) => (c === names ? cell : cell.replace(',', '.')))),
    ).toEqual(standard);
    expect(input.slice(1).some((row) => /^\d+,\d+$/.test(row[3]))).toBe(true);

    // The order lines left out (section 2) follow the same choice.
    await user.click(screen.getByRole('button', { name: /Download the lines left out/ }));
    await waitFor(() => expect(saved).toHaveLength(3), { timeout: 60_000 });
    expect(await blobText(saved[2].blob)).toMatch(/^\uFEFF?line;reason;detail;Belegnummer;/);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const chineseSection = await screen.findByRole('region', { name: /导出/ });
    const chineseFormats = within(chineseSection).getByRole('group', { name: 'CSV 格式' });
    expect(within(chineseFormats).getByRole('radio', { name: /^与输入文件相同/ })).toBeChecked();
    await user.click(within(chineseFormats).getByRole('radio', { name: /^标准/ }));
    await user.click(within(chineseSection).getByRole('button', { name: '下载 RFM 表' }));
    await waitFor(() => expect(saved).toHaveLength(4), { timeout: 60_000 });
    expect(
      (await blobText(saved[3].blob)).replace(/^\uFEFF/, '').startsWith('customer,recency,'),
    ).toBe(true);
  });
});
