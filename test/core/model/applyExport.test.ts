import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import {
  applyExport,
  applyExportFiles,
  applySetAsideExport,
} from '../../../src/core/model/applyExport';
import { renderMessage } from '../../../src/i18n/formatMessage';
import type { Message } from '../../../src/core/common/message';
import { ORDER_LINES, ORDER_MAPPING, openText, savedModel } from '../../support/modelFixtures';

const render = (m: Message) => renderMessage('en', m);

const FILE = [
  'name,x,y',
  ...Array.from({ length: 24 }, (_, i) => `"c ${i}",${i % 6},${(i * 5) % 7}`),
].join('\n');

describe('applyExport', () => {
  it('writes what the analysis exports, on the file the model was saved from', async () => {
    const session = await openText(FILE, 'shop.csv');
    const options = {
      features: ['x', 'y'],
      clean: { ...DEFAULT_CLEANING, duplicates: 'keep' as const, outliers: 'none' as const },
    };
    const { request, analysis, model } = await savedModel(session, options);
    for (const segment of [null, 0, 2]) {
      const own = await session.exportSegments(request, analysis.k, segment, render);
      expect(applyExport(session, model, render, segment).parts.join('')).toBe(own.parts.join(''));
    }
    expect(applyExport(session, model, render).fileName).toMatch(/^shop.*model applied/);
  });

  it('labels segments with the names the user gave', async () => {
    const session = await openText(FILE);
    const { model } = await savedModel(session, { features: ['x', 'y'] }, null, ['Loyal']);
    const text = applyExport(session, model, render, 0).parts.join('');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('segment,segment_label');
    expect(lines.slice(1).every((line) => line.endsWith(',0,Loyal'))).toBe(true);
  });

  it('lists the rows set aside with their reason', async () => {
    const session = await openText(FILE);
    const { model } = await savedModel(session, {
      features: ['x', 'y'],
      clean: { ...DEFAULT_CLEANING, missing: 'drop' },
    });
    const other = await openText('name,x,y\na,1,\nb,2,3', 'new.csv');
    const text = applySetAsideExport(other, model, render).parts.join('');
    expect(text).toContain('y: missing value');
    expect(text).not.toContain('"b"');
  });

  it('names the files as analyze --out and rfm --out do', async () => {
    const session = await openText(FILE);
    const { model } = await savedModel(session, { features: ['x', 'y'] });
    const names = applyExportFiles(session, model, render).map((f) => f.name);
    expect(names[0]).toBe('segments.csv');
    expect(names.at(-1)).toBe('set-aside.csv');
    expect(names).toHaveLength(model.segments.length + 2);
    const rfmSession = await openText(ORDER_LINES);
    const rfm = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const saved = await savedModel(rfmSession, { k: 2, kMax: 2 }, rfm);
    const files = applyExportFiles(rfmSession, saved.model, render);
    expect(files.map((f) => f.name)).toEqual(['rfm.csv', 'set-aside.csv']);
    expect(files[0].parts.join('').split(/\r?\n/)[0]).toContain('cluster');
  });
});
