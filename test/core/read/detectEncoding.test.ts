import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { bytesSource } from '../../../src/core/read/byteSource';
import {
  describeZip,
  detectEncoding,
  guessLegacyEncoding,
} from '../../../src/core/read/detectEncoding';
import { readCsv } from '../../../src/core/read/readCsv';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { encodeGb18030, encodeUtf16, encodeWindows1252 } from '../../fixtures/encode';
import { customersWorkbook, writeXlsx, writeZip } from '../../../scripts/generators/workbooks';

const text = 'name,city,spend\nZoë,Genève,12.5\n王芳,北京,30\n';

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
      reason: message('encodingBom'),
    });
    expect(detectEncoding(encodeUtf16(text, 'le', true))).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
      reason: message('encodingBom'),
    });
    expect(detectEncoding(encodeUtf16(text, 'be', true))).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    });
  });

  it('takes valid UTF-8 as UTF-8 and tells the legacy code pages apart', () => {
    expect(detectEncoding(new TextEncoder().encode(text))).toEqual({
      encoding: 'utf-8',
      bomLength: 0,
      reason: message('encodingValidUtf8'),
    });
    expect(detectEncoding(encodeUtf16(text, 'le', false))).toMatchObject({
      encoding: 'utf-16le',
      reason: message('encodingUtf16'),
    });
    expect(
      detectEncoding(encodeGb18030('姓名,城市,消费\n王芳,北京,30\n李雷,上海,45\n')).encoding,
    ).toBe('gb18030');
    expect(detectEncoding(encodeWindows1252('name,city\nZoë,Genève\nJosé,Málaga\n'))).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
      reason: message('encodingNotUtf8', { codePage: 'windows1252' }),
    });
  });

  it('says why in one whole sentence that names the code page read, in both languages', async () => {
    const western = detectEncoding(encodeWindows1252('name,city\nZoë,Genève\n')).reason;
    expect(renderMessage('en', western)).toBe(
      'The file is not valid UTF-8; it was read as Windows-1252.',
    );
    expect(renderMessage('zh', western)).toBe('文件不是有效的 UTF-8，已按 Windows-1252 读取。');
    const chinese = detectEncoding(encodeGb18030('姓名,城市\n王芳,北京\n')).reason;
    expect(renderMessage('en', chinese)).toBe(
      'The file is not valid UTF-8; it was read as GB18030.',
    );
    const late = await readCsv(
      bytesSource(encodeWindows1252('name\n' + 'Plain\n'.repeat(20000) + 'Zoë\n')),
      { chunkBytes: 64 * 1024 },
    );
    expect(renderMessage('en', late.encodingReason)).toMatch(
      /^The file is not valid UTF-8 after its first [\d.]+ KB; it was read as Windows-1252\.$/,
    );
    expect(renderMessage('en', detectEncoding(encodeUtf16(text, 'le', false)).reason)).toBe(
      'Read as UTF-16: the file has zero bytes between its characters.',
    );
    expect(renderMessage('en', detectEncoding(new TextEncoder().encode(text)).reason)).toBe(
      'The file is valid UTF-8.',
    );
  });

  it('prefers GB18030 for byte pairs and Windows-1252 for lone accents', () => {
    expect(guessLegacyEncoding(encodeGb18030('客户,金额\n张三,100\n'))).toBe('gb18030');
    expect(guessLegacyEncoding(encodeWindows1252('Müller,Straße,Café\n'))).toBe('windows-1252');
  });

  it('is not fooled by accented letters in a row, which also form GBK pairs', () => {
    // ç+ã, õ+e, ö+ß are valid (rare) GBK characters; common hanzi are what marks Chinese.
    for (const western of [
      'descrição,informações,cidade\nVenda à vista,São Paulo,Conceição\n',
      'Größe,Öffnungszeiten\n12,Mo-Fr\n',
      'Größe\n',
      'prénom,ville\nAnaïs,Besançon\n',
      // Brazilian exports are often in capitals: ÇÃ and ÇÕ fall among the common hanzi.
      'ID;DESCRICAO\n1;PROMOÇÃO\n2;INSTALAÇÃO\n3;MANUTENÇÕES\n4;AVALIAÇÃO\n',
      'NOME;CIDADE\nMARIA DA CONCEIÇÃO;SÃO PAULO\nJOÃO;GOIÂNIA\n',
    ])
      expect(guessLegacyEncoding(encodeWindows1252(western)), western).toBe('windows-1252');
    for (const chinese of [
      '客户编号,城市,消费金额（元）\n1,北京,100\n2,上海,200\n',
      '姓名\n王芳\n',
      '地区,渠道\n华东,线上\n华南,门店\n',
      // One-character cells, some of them pairs of "capitals" (男 is C4 D0).
      '编号,性别,城市\n1,男,北京\n2,女,上海\n3,男,广州\n',
    ])
      expect(guessLegacyEncoding(encodeGb18030(chinese)), chinese).toBe('gb18030');
  });

  it('says what a zip archive is instead of calling every zip an Excel workbook', () => {
    const ods = writeZip(
      { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<c/>' },
      'mimetype',
    );
    expect(describeZip(ods)).toEqual({ code: 'spreadsheet', what: 'fileOds' });
    expect(() => detectEncoding(ods)).toThrow(
      /OpenDocument spreadsheet \(\.ods\), not a CSV: save it as CSV first \(File > Save As > Text CSV in LibreOffice\)/,
    );
    expect(describeZip(writeZip({ 'word/document.xml': '<w/>' })).what).toBe('fileDocx');
    expect(describeZip(writeZip({ 'notes.txt': 'hello' }))).toEqual({
      code: 'binary',
      what: 'fileZip',
    });
  });

  it('refuses workbooks, images and other binary files with a sentence that says what to do', () => {
    expect(() => detectEncoding(writeXlsx(customersWorkbook(3)))).toThrow(
      /Excel workbook \(\.xlsx\), not a CSV: save it as CSV first/,
    );
    expect(() => detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(
      /^This file is a zip archive, not a CSV: choose a CSV file instead\.$/,
    );
    expect(() => detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow(
      /PNG image/,
    );
    expect(() => detectEncoding(new Uint8Array([0x01, 0x02, 0x00, 0x41]))).toThrow(/not text/);
    expect(() => detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toThrow(
      expect.objectContaining({
        code: 'binary',
        sentence: message('readBinaryKind', { what: message('fileZip') }),
      }),
    );
    expect(() => detectEncoding(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toThrow(
      expect.objectContaining({
        code: 'binary',
        sentence: message('readBinaryKind', { what: message('filePdf') }),
      }),
    );
    expect(() => detectEncoding(new Uint8Array([0x01, 0x02, 0x00, 0x41]))).toThrow(
      expect.objectContaining({ code: 'binary', sentence: message('readBinary') }),
    );
  });
});

describe('reading each encoding', () => {
  const cases: [string, Uint8Array][] = [
    ['UTF-16 LE', encodeUtf16(text, 'le', true)],
    ['UTF-16 BE', encodeUtf16(text, 'be', true)],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name}`, async () => {
      const table = await readCsv(bytesSource(bytes));
      expect(table.columns[0].texts).toEqual(['Zoë', '王芳']);
      expect(Array.from(table.columns[2].numbers)).toEqual([12.5, 30]);
    });
  }

  it('reads GB18030 (Chinese Excel)', async () => {
    const table = await readCsv(
      bytesSource(encodeGb18030('姓名,城市,消费\n王芳,北京,30\n李雷,上海,45\n')),
    );
    expect(table.encoding).toBe('gb18030');
    expect(table.columns.map((c) => c.name)).toEqual(['姓名', '城市', '消费']);
    expect(table.columns[1].texts).toEqual(['北京', '上海']);
  });

  it('reads Windows-1252 (Western Excel)', async () => {
    const table = await readCsv(
      bytesSource(encodeWindows1252('name;city;spend\nZoë;Genève;12,5\nJosé;Málaga;3,25\n')),
    );
    expect(table.encoding).toBe('windows-1252');
    expect(table.columns[1].texts).toEqual(['Genève', 'Málaga']);
    expect(Array.from(table.columns[2].numbers)).toEqual([12.5, 3.25]);
  });

  it('falls back to a legacy code page when invalid UTF-8 appears late in the file', async () => {
    const head = 'name,spend\n' + 'Plain,1\n'.repeat(40000);
    const bytes = encodeWindows1252(head + 'Zoë,2\n');
    const table = await readCsv(bytesSource(bytes), { chunkBytes: 64 * 1024 });
    expect(table.encoding).toBe('windows-1252');
    expect(table.columns[0].texts).toContain('Zoë');
    expect(table.rowCount).toBe(40001);
    expect(table.encodingReason.key).toBe('encodingNotUtf8After');
    expect(table.encodingReason.params?.size).toMatch(/KB/);
  });

  it('re-decodes with the encoding the user chooses', async () => {
    const bytes = encodeWindows1252('name\nZoë\n');
    const table = await readCsv(bytesSource(bytes), { encoding: 'windows-1252' });
    expect(table.columns[0].texts).toEqual(['Zoë']);
    expect(table.encodingReason).toEqual(message('encodingChosen'));
  });
});
