import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/core/read/byteSource';
import { decodeChunks } from '../../src/core/read/decodeChunks';
import { detectEncoding } from '../../src/core/read/detectEncoding';
import { readCsv } from '../../src/core/read/readCsv';
import { readRecords } from '../../src/core/read/readRecords';
import { SHARED, requireShared } from './sharedData';
import { message, type Message } from '../../src/core/common/message';
import { englishText } from '../../src/i18n/formatMessage';

/**
 * The public CSV conformance corpora (../shared/csv-suites). Every valid case must read to the
 * JSON beside it, every bad case must be reported. Where we read a case differently on purpose,
 * the difference is listed below with the reason, and checked to be exactly that.
 */

interface ParsedRecord {
  fields: string[] | null;
  warning?: Message;
}

async function records(bytes: Uint8Array): Promise<ParsedRecord[]> {
  const { encoding, bomLength } = detectEncoding(bytes);
  const out: ParsedRecord[] = [];
  await readRecords(decodeChunks(bytesSource(bytes), encoding, { skipBytes: bomLength }), ',', {
    chunk: () => {},
    record: (fields, _start, _end, _line, warning) => out.push({ fields, warning }),
    blankLine: () => {},
  });
  return out;
}

/** Line breaks inside quoted cells are read as LF whatever the file used (as Excel stores them). */
const sameLineBreaks = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.replace(/\r\n?/g, '\n')
    : Array.isArray(value)
      ? value.map(sameLineBreaks)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sameLineBreaks(v)]))
        : value;

beforeAll(requireShared);

describe('csv-spectrum', async () => {
  const folder = join(SHARED, 'csv-suites', 'csv-spectrum');
  const names = (await readdir(join(folder, 'csvs')).catch(() => []))
    .filter((n) => n.endsWith('.csv'))
    .map((n) => n.slice(0, -4));

  it('finds the corpus', () => expect(names.length).toBeGreaterThanOrEqual(10));

  it.each(names)('%s', async (name) => {
    const read = await records(new Uint8Array(await readFile(join(folder, 'csvs', `${name}.csv`))));
    const expected = JSON.parse(await readFile(join(folder, 'json', `${name}.json`), 'utf8'));
    const [header, ...rows] = read.map((r) => r.fields as string[]);
    const objects = rows.map((row) => Object.fromEntries(header.map((h, j) => [h, row[j]])));
    if (name === 'location_coordinates') {
      // Upstream's JSON disagrees with its own CSV (another phone number, an object for an
      // array); the cells it shares with the CSV must match, and the stray quotes of 37.8"N are
      // read as written and reported.
      const { 'Contact Phone Number': _phone, ...rest } = expected as Record<string, string>;
      expect(objects).toHaveLength(1);
      expect(objects[0]).toMatchObject(rest);
      expect(read[1].warning).toEqual(message('rowStrayQuote'));
      expect(englishText(read[1].warning!)).toMatch(/quote inside an unquoted field/);
      return;
    }
    expect(read.every((r) => r.fields !== null)).toBe(true);
    expect(objects).toEqual(sameLineBreaks(expected));
  });
});

describe('csv-test-data', async () => {
  const folder = join(SHARED, 'csv-suites', 'csv-test-data');
  const names = (await readdir(join(folder, 'csv')).catch(() => []))
    .filter((n) => n.endsWith('.csv'))
    .map((n) => n.slice(0, -4));
  const valid = names.filter((n) => !n.startsWith('bad-'));

  it('finds the corpus', () => expect(names.length).toBeGreaterThanOrEqual(20));
  const bad = names.filter((n) => n.startsWith('bad-'));

  /** Cases we read differently on purpose, and why. */
  const DIFFERENT: Record<
    string,
    { because: string; check: (bytes: Uint8Array, expected: unknown) => Promise<void> }
  > = {
    'all-empty': {
      because:
        'a file of blank lines has neither header nor data; like pandas, we refuse it as empty',
      check: async (bytes) => {
        await expect(readCsv(bytesSource(bytes))).rejects.toMatchObject({ code: 'empty-file' });
      },
    },
    'empty-one-column': {
      because:
        'blank lines are skipped, as pandas does (skip_blank_lines); an empty value is written ""',
      check: async (bytes) => {
        expect((await records(bytes)).map((r) => r.fields)).toEqual([['foo']]);
        await expect(readCsv(bytesSource(bytes))).rejects.toMatchObject({ code: 'no-rows' });
      },
    },
  };

  it.each(valid)('%s', async (name) => {
    const bytes = new Uint8Array(await readFile(join(folder, 'csv', `${name}.csv`)));
    const expected = JSON.parse(await readFile(join(folder, 'json', `${name}.json`), 'utf8'));
    if (DIFFERENT[name]) {
      await DIFFERENT[name].check(bytes, expected);
      return;
    }
    const read = (await records(bytes)).map((r) => r.fields);
    if (Array.isArray(expected) && expected.length > 0 && !Array.isArray(expected[0])) {
      // Objects keyed by the header.
      const [header, ...rows] = read as string[][];
      expect(rows.map((row) => Object.fromEntries(header.map((h, j) => [h, row[j]])))).toEqual(
        expected,
      );
    } else if (Array.isArray(expected) && expected.length === 0) {
      // A header without rows: no data. The analysis refuses such a file with a sentence.
      expect(read).toHaveLength(1);
      await expect(readCsv(bytesSource(bytes))).rejects.toMatchObject({ code: 'no-rows' });
    } else {
      expect(read).toEqual(sameLineBreaks(expected));
    }
  });

  it.each(bad)('%s is reported', async (name) => {
    const bytes = new Uint8Array(await readFile(join(folder, 'csv', `${name}.csv`)));
    let reported: string[];
    try {
      const table = await readCsv(bytesSource(bytes));
      reported = [...table.issues, ...table.warnings].map(
        (issue) => `line ${issue.line}: ${englishText(issue.reason)}`,
      );
    } catch (error) {
      expect((error as Error).name).toBe('UserError');
      reported = [(error as Error).message];
    }
    expect(reported.length, name).toBeGreaterThan(0);
  });
});
