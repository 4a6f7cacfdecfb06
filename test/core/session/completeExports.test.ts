import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/common/message';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { cellText } from '../../../src/core/read/table';
import { AnalysisSession } from '../../../src/core/session/session';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { europeanCustomers } from '../../support/europeanCustomers';
import { quickOptions } from '../../support/sessionData';

const english = (said: Message) => renderMessage('en', said);
const chinese = (said: Message) => renderMessage('zh', said);

const FILE = europeanCustomers(40, 18);
const options = quickOptions({ kMax: 3, features: ['ausgaben', 'besuche'] });

async function open() {
  const session = await AnalysisSession.open(textSource(FILE), 'kunden.csv', {});
  const request = { options, rfm: null };
  const analysis = await session.segmentation(request);
  return { session, request, analysis };
}

/** An export read back as records (BOM checked and removed). */
function recordsOf(parts: string[], delimiter: string): string[][] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('all rows: every record of the file exactly once (#18)', () => {
  it('writes the rows set aside in file order with an empty segment and their reason', async () => {
    const { session, request, analysis } = await open();
    const rowCount = session.table.rowCount;
    expect(analysis.rows.length).toBeLessThan(rowCount);
    const exported = await session.exportSegments(request, 2, null, english);
    const [header, ...rows] = recordsOf(exported.parts, ',');
    expect(header).toEqual([
      'kunde',
      'ausgaben',
      'besuche',
      'stadt',
      'segment',
      'segment_label',
      'set_aside_reason',
    ]);
    // Every record once, in the file's order.
    expect(rows).toHaveLength(rowCount);
    const fileIds = FILE.trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(';')[0]);
    expect(rows.map((row) => row[0])).toEqual(fileIds);
    const setAside = rows.filter((row) => row[4] === '');
    expect(setAside.map((row) => [row[0], row[5], row[6]])).toEqual([
      ['K1002', '', 'duplicate row: repeats line 4'],
      ['K9998', '', 'missing value: no value for ausgaben'],
      ['K9999', '', expect.stringMatching(/^unreadable row: /)],
    ]);
    for (const row of rows.filter((row) => row[4] !== '')) expect(row[6]).toBe('');
    // Analysed + set aside = read, and the segments' own files add up to the analysed rows.
    const perSegment = await Promise.all(
      [0, 1].map(async (s) => (await session.exportSegments(request, 2, s, english)).parts),
    );
    const segmentRows = perSegment.map((parts) => recordsOf(parts, ',').length - 1);
    expect(segmentRows[0] + segmentRows[1] + setAside.length).toBe(rowCount);
    // A segment's own file has no rows set aside, and no column for them.
    expect(recordsOf(perSegment[0], ',')[0]).not.toContain('set_aside_reason');
  });

  it('says why in the language of the page', async () => {
    const { session, request } = await open();
    const rows = recordsOf((await session.exportSegments(request, 2, null, chinese)).parts, ',');
    expect(rows.findLast((row) => row[0] === 'K1002')![6]).toBe('重复行：与第 4 行重复');
  });
});

describe('the export dialect (#18)', () => {
  it('writes standard CSV by default: commas, decimal points, a byte-order mark', async () => {
    const { session, request } = await open();
    const text = (await session.exportSegments(request, 2, null, english)).parts.join('');
    expect(text.startsWith('\uFEFFkunde,ausgaben,besuche,stadt,')).toBe(true);
    const line = text.split('\r\n').find((l) => l.startsWith('K1000,'))!;
    const written = FILE.split('\n')[1].split(';')[1];
    expect(line.split(',')[1]).toBe(written.replace('.', '').replace(',', '.'));
  });

  it('writes the input’s semicolons and decimal commas when asked, and reads back the same', async () => {
    const { session, request } = await open();
    const exported = await session.exportSegments(request, 2, null, english, [], {
      dialect: 'input',
    });
    const text = exported.parts.join('');
    expect(text.startsWith('\uFEFFkunde;ausgaben;besuche;stadt;segment;')).toBe(true);
    // The user's own cells, grouping and decimal comma as written.
    expect(text).toContain(`\r\n${FILE.split('\n')[2]};`);
    const back = await readCsv(textSource(text));
    expect(back.dialect.delimiter).toBe(';');
    expect(back.dialect.decimal).toBe(',');
    const spend = (table: typeof back) => table.columns.find((c) => c.name === 'ausgaben')!;
    const ids = back.columns[0];
    const original = session.table;
    for (let r = 0; r < back.rowCount; r++) {
      const record = Array.from({ length: original.rowCount }, (_, i) => i).find(
        (i) => cellText(original.columns[0], i) === cellText(ids, r),
      )!;
      if (cellText(ids, r) === 'K9999') continue; // unreadable in the file as in the export
      expect(cellText(spend(back), r)).toBe(cellText(spend(original), record));
    }
    // The standard export of the same file reads back to the same numbers too.
    const standard = (await session.exportSegments(request, 2, null, english)).parts.join('');
    const again = await readCsv(textSource(standard));
    expect(again.dialect.delimiter).toBe(',');
    for (let r = 0; r < again.rowCount; r++)
      expect(cellText(spend(again), r)).toBe(cellText(spend(back), r));
  });

  it('writes the cleaning report in the chosen dialect', async () => {
    const { session, request } = await open();
    const text = (await session.exportCleaningReport(request, english, 'input')).parts.join('');
    expect(text.startsWith('\uFEFFline;reason;detail;kunde;ausgaben;')).toBe(true);
    const duplicate = FILE.split('\n')[3].replaceAll(';', ';');
    expect(text).toContain(`\r\n42;duplicate;repeats line 4;${duplicate};\r\n`);
  });
});

describe('the user’s names in the exports of every algorithm (#18)', () => {
  it('writes the names of DBSCAN’s clusters and of its noise', async () => {
    const session = await AnalysisSession.open(textSource(FILE), 'kunden.csv', {});
    const request = {
      options: { ...options, algorithm: 'dbscan' as const, eps: 0.1, minPts: 4 },
      rfm: null,
    };
    const analysis = await session.segmentation(request);
    const noise = analysis.results[0].labels.filter((label) => label < 0).length;
    expect(noise).toBeGreaterThan(0);
    const names = { segments: ['=Stammkunden', null], noise: 'Einzelgänger; "Rest"' };
    const exported = await session.exportSegments(
      request,
      analysis.k,
      null,
      english,
      names.segments,
      {
        noiseName: names.noise,
      },
    );
    const rows = recordsOf(exported.parts, ',').slice(1);
    const labelOf = (segment: string) =>
      new Set(rows.filter((r) => r[4] === segment).map((r) => r[5]));
    expect(labelOf('-1')).toEqual(new Set(['Einzelgänger; "Rest"']));
    // A name is user data: a formula is defused.
    expect(labelOf('0')).toEqual(new Set(["'=Stammkunden"]));
    const noiseFile = await session.exportSegments(request, analysis.k, -1, english, [], {
      noiseName: names.noise,
    });
    expect(noiseFile.fileName).toBe('kunden - segment -1 - Einzelgänger; Rest.csv');
    expect(recordsOf(noiseFile.parts, ',')).toHaveLength(1 + noise);
  });

  it('writes the names of hierarchical clustering’s segments', async () => {
    const session = await AnalysisSession.open(textSource(FILE), 'kunden.csv', {});
    const request = { options: { ...options, algorithm: 'hierarchical' as const }, rfm: null };
    await session.segmentation(request);
    const exported = await session.exportSegments(request, 2, null, chinese, ['大客户', '小客户']);
    const rows = recordsOf(exported.parts, ',').slice(1);
    for (const row of rows)
      expect(row[5]).toBe(row[4] === '0' ? '大客户' : row[4] === '1' ? '小客户' : '');
  });
});
