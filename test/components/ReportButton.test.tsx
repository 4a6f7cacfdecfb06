import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';
import { settled } from '../support/page';
import { blobText, captureDownloads } from '../support/downloads';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A downloaded report, parsed as a browser would. */
async function parsed(blob: Blob): Promise<{ html: string; document: Document }> {
  const html = await blobText(blob);
  return { html, document: new DOMParser().parseFromString(html, 'text/html') };
}

describe('Download report (HTML) (#18)', { timeout: 300_000 }, () => {
  it('downloads the report of the segments on show, with the names the user gave them, in both languages', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    const exportSection = screen.getByRole('region', { name: /Export/ });
    await user.clear(within(exportSection).getByLabelText('Name of segment 0'));
    await user.type(within(exportSection).getByLabelText('Name of segment 0'), '<Loyal> & co');
    await user.click(within(exportSection).getByRole('button', { name: 'Download report (HTML)' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    expect(saved[0].name).toBe('customers - report.html');
    expect(saved[0].blob.type).toBe('text/html;charset=utf-8');
    const { html, document: report } = await parsed(saved[0].blob);
    expect(html).not.toMatch(/<script/i);
    expect(report.documentElement.lang).toBe('en');
    expect(report.title).toBe('Customer segments: \u2068customers.csv\u2069');
    // The segments on the page are those of the report, the first under its new name.
    const { view, selectedK } = useStore.getState();
    const shown = view!.perK.find((entry) => entry.k === selectedK)!;
    expect(report.querySelectorAll('article.profile')).toHaveLength(shown.profiles.segments.length);
    expect(report.querySelector('article.profile h3')?.textContent).toBe(
      'Segment 0: \u2068<Loyal> & co\u2069',
    );
    expect(report.querySelectorAll('svg').length).toBeGreaterThanOrEqual(4);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    await user.click(
      within(screen.getByRole('region', { name: /导出/ })).getByRole('button', {
        name: '下载报告（HTML）',
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 60_000 });
    expect(saved[1].name).toBe('customers - 报告.html');
    const chinese = (await parsed(saved[1].blob)).document;
    expect(chinese.documentElement.lang).toBe('zh-CN');
    expect(chinese.querySelector('article.profile h3')?.textContent).toBe(
      '细分群 0：\u2068<Loyal> & co\u2069',
    );
  });

  it('downloads the RFM report of order lines, with the named segments and the clusters', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample transactions' }));
    await screen.findByRole('table', { name: 'Clusters by RFM segment' }, { timeout: 120_000 });
    await settled();
    const exportSection = screen.getByRole('region', { name: /Export/ });
    await user.click(within(exportSection).getByRole('button', { name: 'Download report (HTML)' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const { document: report } = await parsed(saved[0].blob);
    expect(report.title).toMatch(/^Customer segments from order lines: /);
    const rfm = useStore.getState().rfmView!;
    expect(report.getElementById('rfm')?.textContent).toContain(
      `Customers${rfm.customers.toLocaleString('en')}`,
    );
    // The page's segment summary and the report's name the same segments.
    const pageNames = within(screen.getByRole('table', { name: 'Segment summary' }))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    const reportNames = Array.from(
      report.querySelectorAll('#rfm figure table tbody th'),
      (cell) => cell.textContent,
    );
    expect(reportNames).toEqual(expect.arrayContaining(pageNames));
    expect(report.getElementById('segments')).not.toBeNull();
  });

  it('names DBSCAN’s noise in the report as the user named it on the page', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    await user.selectOptions(screen.getByLabelText('Clustering algorithm'), 'dbscan');
    await screen.findByRole('figure', { name: 'k-distance plot' }, { timeout: 120_000 });
    await settled();
    // A small eps leaves rows as noise.
    await user.click(screen.getByLabelText('Use the suggested eps'));
    const eps = screen.getByLabelText('Neighbourhood radius (eps)');
    await user.clear(eps);
    await user.type(eps, '0.5');
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'k-distance plot' })).toHaveAccessibleDescription(
          /at eps 0.5,/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    const exportSection = screen.getByRole('region', { name: /Export/ });
    const noiseName = within(exportSection).getByLabelText('Name of the noise (segment -1)');
    await user.clear(noiseName);
    await user.type(noiseName, 'Walk-ins');
    await user.click(within(exportSection).getByRole('button', { name: 'Download report (HTML)' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 60_000 });
    const { document: report } = await parsed(saved[0].blob);
    const headings = Array.from(
      report.querySelectorAll('article.profile h3'),
      (h) => h.textContent,
    );
    expect(headings).toContain('Noise: \u2068Walk-ins\u2069');
  });
});
