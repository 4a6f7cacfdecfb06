import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateOrderShapeCsv, ORDER_SHAPES } from '../../../scripts/generators/orderShapes';
import type { Message } from '../../../src/core/common/message';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import type { RfmSettings } from '../../../src/core/rfm/rfm';
import { AnalysisSession } from '../../../src/core/session/session';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { defaultEnglishMap } from '../../support/rfm';
import { quickOptions } from '../../support/sessionData';

const english = (said: Message) => renderMessage('en', said);

// A German account export: semicolons, decimal commas, day.month.year dates.
const SHAPE = ORDER_SHAPES.german;
const FILE = generateOrderShapeCsv(SHAPE, { seed: 4, customers: 40 });
const SETTINGS: RfmSettings = {
  mapping: {
    customer: SHAPE.customer,
    date: SHAPE.date,
    order: SHAPE.order,
    quantity: null,
    price: null,
    amount: SHAPE.amount,
  },
  dateOrder: null,
  snapshot: null,
};
const CLUSTERING = quickOptions({ kMax: 3 });

async function open() {
  const session = await AnalysisSession.open(textSource(FILE), 'buchungen.csv', {});
  return session;
}

function records(text: string, delimiter: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('the RFM exports in the chosen CSV dialect (#18)', () => {
  it('writes the per-customer table in standard CSV by default', async () => {
    const session = await open();
    const choice = { map: defaultEnglishMap(), k: 2 };
    const text = (await session.exportRfm(SETTINGS, CLUSTERING, choice, english)).parts.join('');
    const rows = records(text, ',');
    expect(rows[0]).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'R',
      'F',
      'M',
      'segment',
      'cluster',
      'cluster_label',
    ]);
    expect(rows.slice(1).some((row) => row[3].includes('.'))).toBe(true);
  });

  it('writes semicolons and decimal commas when the input’s dialect is chosen, the same figures', async () => {
    const session = await open();
    const standard = records(
      (
        await session.exportRfm(SETTINGS, CLUSTERING, { map: defaultEnglishMap(), k: 2 }, english)
      ).parts.join(''),
      ',',
    );
    const exported = await session.exportRfm(
      SETTINGS,
      CLUSTERING,
      { map: defaultEnglishMap(), k: 2, dialect: 'input' },
      english,
    );
    const text = exported.parts.join('');
    expect(
      text.startsWith(
        '\uFEFFcustomer;recency;frequency;monetary;R;F;M;segment;cluster;cluster_label\r\n',
      ),
    ).toBe(true);
    const input = records(text, ';');
    expect(input).toHaveLength(standard.length);
    // The figures with decimal commas; the clusters' names are text, commas and all.
    const names = standard[0].indexOf('cluster_label');
    for (let r = 1; r < input.length; r++) {
      expect(input[r][3]).not.toContain('.');
      expect(input[r].map((cell, c) => (c === names ? cell : cell.replace(',', '.')))).toEqual(
        standard[r],
      );
    }
    expect(input.slice(1).some((row) => row[3].includes(','))).toBe(true);
    // Read back as the page reads a file: semicolons and decimal commas, the same money.
    const back = await readCsv(textSource(text));
    expect(back.dialect).toMatchObject({ delimiter: ';', decimal: ',' });
    const money = back.columns.find((column) => column.name === 'monetary')!;
    for (let r = 1; r < standard.length; r++)
      expect(money.numbers[r - 1]).toBe(Number(standard[r][3]));
  });

  it('writes the set-aside lines in the chosen dialect, the user’s cells as written', async () => {
    const lines = FILE.split('\n');
    const bad = lines[1].replace(/\d\d\.\d\d\.\d{4}/, 'unbekannt');
    const withBadDate = [lines[0], lines[1], bad, ...lines.slice(2)].join('\n');
    const session = await AnalysisSession.open(textSource(withBadDate), 'buchungen.csv', {});
    const header = `line;reason;detail;${lines[0]};original_text`;
    const input = records(
      session.exportRfmSetAside(SETTINGS, english, 'input').parts.join(''),
      ';',
    );
    expect(input[0].join(';')).toBe(header);
    expect(input[1].slice(0, 2)).toEqual(['3', 'unreadable_date']);
    // The German amount as written, with its decimal comma.
    expect(input[1].slice(3, 8)).toEqual(bad.split(';'));
    const standard = records(session.exportRfmSetAside(SETTINGS, english).parts.join(''), ',');
    expect(standard[0].join(';')).toBe(header);
    const amount = bad.split(';')[4];
    expect(amount).toMatch(/^\d+,\d\d$/);
    expect(standard[1][7]).toBe(amount.replace(',', '.'));
  });
});
