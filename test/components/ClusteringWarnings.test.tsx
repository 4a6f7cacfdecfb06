import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/components/App';
import { createRandom } from '../../src/core/common/random';
import { readPage, settled, untranslated } from '../support/page';

/** Seeded uniform columns: no structure, so every silhouette is weak. */
function uniformFile(): File {
  const random = createRandom(81);
  const lines = ['a,b,c,d,e,f'];
  for (let i = 0; i < 400; i++)
    lines.push(Array.from({ length: 6 }, () => (random.next() * 100).toFixed(3)).join(','));
  return new File([lines.join('\n')], 'uniform.csv', { type: 'text/csv' });
}

describe('the clustering summary warns about weak segments (#18.10)', () => {
  it('lists the warnings under the settings', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), uniformFile());
    const list = await screen.findByRole(
      'list',
      { name: 'Warnings about these segments' },
      { timeout: 120_000 },
    );
    await settled();
    expect(
      within(list).getByText(/^The segments overlap: the silhouette stays below 0.25/),
    ).toBeTruthy();
  }, 180_000);

  it('lists them in Chinese on the Chinese page, with no English word', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), uniformFile());
    await screen.findByRole(
      'list',
      { name: 'Warnings about these segments' },
      { timeout: 120_000 },
    );
    await settled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const list = screen.getByRole('list', { name: '关于这些细分群的警告' });
    expect(
      within(list).getByText(/^各细分群相互重叠：在每个细分群数量下轮廓系数都低于 0\.25/),
    ).toBeTruthy();
    // Every word of the warnings, and of the page around them, is Chinese (or a known term).
    expect(untranslated(readPage(document))).toEqual([]);
  }, 180_000);
});
