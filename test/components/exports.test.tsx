import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { blobText, captureDownloads } from '../support/downloads';
import { europeanCustomers } from '../support/europeanCustomers';
import { readPage, settled, untranslated } from '../support/page';

/** A European file as a user drops it: semicolons, decimal commas, three rows to set aside. */
const FILE_TEXT = europeanCustomers(60, 18);
const RECORDS = FILE_TEXT.trimEnd().split('\n').length - 1;

async function loadEuropean() {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(
    screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
    new File([FILE_TEXT], 'kunden.csv', { type: 'text/csv' }),
  );
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

/** A download's first bytes (FileReader's text drops a byte-order mark). */
function firstBytes(blob: Blob): Promise<number[]> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer).slice(0, 3)]);
    reader.readAsArrayBuffer(blob);
  });
}

/** A download's records by header, read with the delimiter it was written with. */
async function recordsOf(blob: Blob, delimiter: string) {
  // UTF-8 with a byte-order mark.
  expect(await firstBytes(blob)).toEqual([0xef, 0xbb, 0xbf]);
  const text = (await blobText(blob)).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: true,
  }).data;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exports: names, every row, the input’s dialect (#18)', { timeout: 240_000 }, () => {
  it('renames a segment with its suggestion, per k, and writes every row in the input’s dialect', async () => {
    const saved = captureDownloads();
    const user = await loadEuropean();
    const exportSection = screen.getByRole('region', { name: /Export/ });
    const field = () => within(exportSection).getByLabelText('Name of segment 0');
    const reset = () =>
      within(exportSection).getByRole('button', { name: 'Reset the name of segment 0' });
    // The suggested name is the segment's label, as the profiles say it.
    const suggested = (field() as HTMLInputElement).value;
    expect(suggested).toMatch(/ausgaben|besuche|Köln|Lyon/);
    expect(reset()).toBeDisabled();
    await user.clear(field());
    await user.type(field(), 'Große Kunden; "VIP"');
    expect(reset()).toBeEnabled();

    // Names are kept per k: another k has its own, and coming back finds the name typed.
    const count = screen.getByLabelText('Number of segments') as HTMLSelectElement;
    const k = count.value;
    await user.selectOptions(count, k === '3' ? '2' : '3');
    await settled();
    expect(field()).not.toHaveValue('Große Kunden; "VIP"');
    await user.selectOptions(count, k);
    await settled();
    expect(field()).toHaveValue('Große Kunden; "VIP"');

    // The input's dialect, said in its own words; standard CSV until chosen.
    const formats = within(exportSection).getByRole('group', { name: 'CSV format' });
    expect(
      within(formats).getByRole('radio', { name: 'Standard (comma, decimal point)' }),
    ).toBeChecked();
    await user.click(
      within(formats).getByRole('radio', { name: 'As the input file (semicolon, decimal comma)' }),
    );
    expect(exportSection).toHaveTextContent(
      'the rows set aside with an empty segment and their reason in set_aside_reason',
    );
    await user.click(within(exportSection).getByRole('button', { name: 'Download all segments' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const text = (await blobText(saved[0].blob)).replace(/^\uFEFF/, '');
    expect(text.startsWith('kunde;ausgaben;besuche;stadt;segment;segment_label;')).toBe(true);
    const rows = await recordsOf(saved[0].blob, ';');
    // Every record of the file once; the three set aside with their reason and no segment.
    expect(rows).toHaveLength(RECORDS);
    const setAside = rows.filter((row) => row.segment === '');
    expect(setAside.map((row) => row.kunde)).toEqual(['K1002', 'K9998', 'K9999']);
    for (const row of setAside) expect(row.set_aside_reason).not.toBe('');
    const named = rows.filter((row) => row.segment === '0');
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) expect(row.segment_label).toBe('Große Kunden; "VIP"');
    // Decimal commas as in the file (1.234,56 stays as the user wrote it).
    expect(rows[0].ausgaben).toBe(FILE_TEXT.split('\n')[1].split(';')[1]);

    // The segment's own file says the name, in its name and its rows; standard CSV again.
    await user.click(within(formats).getByRole('radio', { name: /^Standard/ }));
    await user.click(
      within(exportSection).getByRole('button', { name: /^Download segment 0: Große Kunden/ }),
    );
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    expect(saved[1].name).toBe('kunden - segment 0 - Große Kunden; VIP.csv');
    const own = await recordsOf(saved[1].blob, ',');
    expect(own).toHaveLength(named.length);
    for (const row of own) expect(row.segment_label).toBe('Große Kunden; "VIP"');
    expect(own[0].ausgaben).toMatch(/^\d+\.\d{2}$/);

    // Reset gives the suggestion back.
    await user.click(reset());
    expect(field()).toHaveValue(suggested);
    expect(reset()).toBeDisabled();
  });

  it('says all of it in Chinese, the reasons in the download too', async () => {
    const saved = captureDownloads();
    const user = await loadEuropean();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const exportSection = screen.getByRole('region', { name: /导出/ });
    const field = within(exportSection).getByLabelText('细分群 0 的名称');
    expect((field as HTMLInputElement).value.length).toBeGreaterThan(0);
    expect(
      within(exportSection).getByRole('button', { name: '重置细分群 0 的名称' }),
    ).toBeDisabled();
    const formats = within(exportSection).getByRole('group', { name: 'CSV 格式' });
    await user.click(
      within(formats).getByRole('radio', { name: '与输入文件相同（分号分隔，小数逗号）' }),
    );
    expect(untranslated(readPage(document))).toEqual([]);
    await user.click(within(exportSection).getByRole('button', { name: /^下载全部/ }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const rows = await recordsOf(saved[0].blob, ';');
    expect(rows.find((row) => row.kunde === 'K9998')?.set_aside_reason).toBe(
      '缺失值：ausgaben 没有值',
    );
  });
});
