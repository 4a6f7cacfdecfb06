// The section is parsed as a browser parses it.
// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { fileSection } from '../../../src/core/report/reportFile';
import type { ReportInput } from '../../../src/core/report/reportInput';
import { cells, customersSegmentation, fragment, writerFor } from '../../support/reportSections';

let input: ReportInput;
beforeAll(async () => {
  ({ input } = await customersSegmentation());
});

/** The value on the row of the file's table whose label is `label`. */
function valueOf(language: 'en' | 'zh', label: string): string | undefined {
  const body = fragment(fileSection(writerFor(input, language)));
  return cells(body.querySelector('table') as Element).find((row) => row[0] === label)?.[1];
}

describe('the file section of the report', () => {
  it('gives the encoding and the sentence that says why, as two sentences', () => {
    expect(valueOf('en', 'Encoding')).toBe('utf-8. The file is valid UTF-8.');
    expect(valueOf('zh', '编码')).toBe('utf-8。文件是有效的 UTF-8。');
  });
});
