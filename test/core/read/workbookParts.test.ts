import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../src/core/read/byteSource';
import { FORMAT_DATE, FORMAT_DATE_TIME, FORMAT_NUMBER } from '../../../src/core/read/excelDates';
import {
  readSharedStrings,
  readStyleKinds,
  readWorkbookParts,
} from '../../../src/core/read/workbookParts';
import { openZip } from '../../../src/core/read/zipDirectory';
import { chineseWorkbook, writeXlsx } from '../../../scripts/generators/workbooks';

const archiveOf = async (files: Record<string, string>) =>
  (await openZip(
    bytesSource(
      zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))),
    ),
  ))!;

const RELS = `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/other.xml"/></Relationships>`;

describe('readWorkbookParts', () => {
  it('lists the worksheets in order with their paths, leaving chart sheets out', async () => {
    const archive = await archiveOf({
      'xl/workbook.xml': `<workbook><workbookPr date1904="true"/><sheets><sheet name="Data &amp; more" sheetId="1" r:id="rId1"/><sheet name="Chart" sheetId="2" r:id="rId2"/><sheet name="Other" sheetId="3" r:id="rId3"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': RELS,
    });
    const parts = await readWorkbookParts(archive);
    expect(parts.sheets).toEqual([
      { name: 'Data & more', path: 'xl/worksheets/sheet1.xml' },
      { name: 'Other', path: 'xl/worksheets/other.xml' },
    ]);
    expect(parts.date1904).toBe(true);
  });

  it('reads the Chinese sheet names of a generated workbook', async () => {
    const archive = (await openZip(bytesSource(writeXlsx(chineseWorkbook(3)))))!;
    const parts = await readWorkbookParts(archive);
    expect(parts.sheets.map((s) => s.name)).toEqual(['说明', '客户数据']);
    expect(parts.date1904).toBe(false);
  });

  it('refuses a workbook with no worksheets in a sentence', async () => {
    const archive = await archiveOf({
      'xl/workbook.xml':
        '<workbook><sheets><sheet name="Chart" sheetId="2" r:id="rId2"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': RELS,
    });
    await expect(readWorkbookParts(archive)).rejects.toThrow(/no worksheets with cells/);
    await expect(readWorkbookParts(await archiveOf({ 'a.txt': 'x' }))).rejects.toThrow(
      /no list of sheets/,
    );
  });
});

describe('readStyleKinds', () => {
  it('tells per cell style whether its number is a date, a date and time, or a number', () => {
    const styles = `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00&quot;kg&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf/></cellXfs></styleSheet>`;
    expect(Array.from(readStyleKinds(styles))).toEqual([
      FORMAT_NUMBER,
      FORMAT_DATE,
      FORMAT_NUMBER,
      FORMAT_DATE_TIME,
      FORMAT_NUMBER,
    ]);
    expect(readStyleKinds('')).toHaveLength(0);
  });
});

describe('readSharedStrings', () => {
  it('reads every string item, including empty and rich ones, across pieces of any size', async () => {
    const items = Array.from(
      { length: 30_000 },
      (_, i) => `<si><t>item ${i} 客户 &amp; co</t></si>`,
    );
    const archive = await archiveOf({
      'xl/sharedStrings.xml': `<?xml version="1.0"?><sst count="3">${items.join('')}<si/><si><r><t>a</t></r><r><t>b</t></r></si></sst>`,
    });
    const strings = await readSharedStrings(archive, 64 << 20);
    expect(strings).toHaveLength(30_002);
    expect(strings[12_345]).toBe('item 12345 客户 & co');
    expect(strings.slice(-2)).toEqual(['', 'ab']);
  });

  it('is empty when the workbook has no shared strings, and refuses a list over the limit', async () => {
    expect(await readSharedStrings(await archiveOf({ 'x.xml': '<x/>' }), 100)).toEqual([]);
    const big = await archiveOf({
      'xl/sharedStrings.xml': `<sst>${'<si><t>x</t></si>'.repeat(1000)}</sst>`,
    });
    await expect(readSharedStrings(big, 1000)).rejects.toThrow(
      /its text cells would take more than/,
    );
  });
});
