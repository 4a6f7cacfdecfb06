import { settled } from '../support/page';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { blobText } from '../support/downloads';

async function loadCustomers() {
  const user = userEvent.setup();
  render(<App />);
  const file = new File([generateCustomersCsv({ rows: 500, seed: 8, duplicates: 0 })], 'c.csv', {
    type: 'text/csv',
  });
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), file);
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

// Each test runs several analyses in jsdom, on the test's own thread: slow when files run side by side.
describe('choosing the clustering algorithm', { timeout: 240_000 }, () => {
  it('runs DBSCAN with the suggested eps, shows noise in the scatter and profiles, and exports it as segment -1', async () => {
    const saved: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:test'),
        revokeObjectURL: () => {},
      }),
    );
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = await loadCustomers();
    await user.selectOptions(screen.getByLabelText('Clustering algorithm'), 'dbscan');
    const plot = await screen.findByRole(
      'figure',
      { name: 'k-distance plot' },
      { timeout: 120_000 },
    );
    await settled();
    expect(plot).toHaveAccessibleDescription(/The knee suggests eps [\d.]+/);
    await waitFor(() => expect(screen.queryByRole('figure', { name: 'Elbow curve' })).toBeNull());
    // A small eps leaves many rows as noise.
    expect(screen.getByLabelText('Use the suggested eps')).toBeChecked();
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
    const profiles = screen.getByRole('table', { name: 'Segment profiles' });
    const noiseRow = within(profiles).getByRole('row', { name: /^Noise/ });
    const noise = Number(within(noiseRow).getAllByRole('cell')[0].textContent?.replace(/,/g, ''));
    expect(noise).toBeGreaterThan(0);
    // Charts take turns after new results (see useLaterValue): the scatter may come a moment later.
    await waitFor(() =>
      expect(screen.getByRole('figure', { name: 'Segment scatter' })).toHaveAccessibleDescription(
        new RegExp(`-1 Noise \\(${noise}\\)`),
      ),
    );
    expect(screen.getByLabelText('Number of segments')).toHaveDisplayValue(/found by DBSCAN/);

    await user.click(screen.getByRole('button', { name: /Download noise \(segment -1/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const rows = Papa.parse<Record<string, string>>(
      (await blobText(saved[0])).replace(/^\uFEFF/, ''),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    expect(rows).toHaveLength(noise);
    expect(new Set(rows.map((r) => `${r.segment} ${r.segment_label}`))).toEqual(
      new Set(['-1 Noise']),
    );
  });

  it('measures the k-means silhouette with the distance chosen, leaving the clustering as it was', async () => {
    const user = await loadCustomers();
    await settled();
    const values = () =>
      within(screen.getByRole('table', { name: 'Elbow curve values' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        );
    const euclidean = values();
    expect(screen.getByLabelText('Silhouette distance')).toHaveValue('euclidean');
    await user.selectOptions(screen.getByLabelText('Silhouette distance'), 'manhattan');
    await waitFor(() => expect(values()).not.toEqual(euclidean), { timeout: 120_000 });
    await settled();
    const manhattan = values();
    // Same inertia at every k (column 0); other silhouettes (column 1).
    expect(manhattan.map((row) => row[0])).toEqual(euclidean.map((row) => row[0]));
    expect(manhattan.slice(1).map((row) => row[1])).not.toEqual(
      euclidean.slice(1).map((row) => row[1]),
    );
    expect(screen.getByText(/with Manhattan distance, seed 0/)).toBeInTheDocument();
  });

  it('builds the tree on at most the rows chosen in the settings, and says what that costs', async () => {
    const user = await loadCustomers();
    await user.selectOptions(screen.getByLabelText('Clustering algorithm'), 'hierarchical');
    await screen.findByRole('figure', { name: 'Dendrogram' }, { timeout: 120_000 });
    await settled();
    // 500 rows: every row, a 2 MB matrix, and how far the limit goes.
    expect(
      screen.getByText(
        /every pairwise distance \(up to 2 MB of memory for this file\), so it is built on at most 5,000 rows; the settings allow 100 to 10,000/,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change settings' }));
    const limit = screen.getByLabelText('Rows in the tree (at most)');
    expect(limit).toHaveValue(5000);
    await user.clear(limit);
    await user.type(limit, '200');
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'Dendrogram' })).toHaveAccessibleDescription(
          /over 200 rows \(a seeded sample\)/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    expect(
      screen.getByText(
        /so it is built on at most 200 rows \(1 MB of memory\): a seeded sample of this file/,
      ),
    ).toBeInTheDocument();
    // The note counts the rows analysed: 474 of the 500, after cleaning.
    expect(screen.getByText(/ran on a seeded sample of 200 of the 474 rows/)).toBeInTheDocument();
    // A limit of exactly the rows analysed takes them all: no sample.
    await user.clear(limit);
    await user.type(limit, '474');
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'Dendrogram' })).toHaveAccessibleDescription(
          /over 474 rows; each leaf/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    expect(screen.queryByText(/ran on a seeded sample/)).toBeNull();
    expect(screen.queryByText(/a seeded sample of this file/)).toBeNull();
    expect(screen.getByText(/up to 2 MB of memory for this file/)).toBeInTheDocument();
    // Single linkage keeps no matrix, and the summary promises none.
    await user.selectOptions(screen.getByLabelText('Linkage'), 'single');
    expect(
      screen.getByText(/Single linkage measures every pairwise distance \(without keeping them\)/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/MB of memory/)).toBeNull();
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'Dendrogram' })).toHaveAccessibleDescription(
          /single linkage tree/,
        ),
      { timeout: 120_000 },
    );
    await settled();
  });

  it('runs hierarchical clustering with a dendrogram, cuts it at a height, and compares the three algorithms', async () => {
    const user = await loadCustomers();
    await user.selectOptions(screen.getByLabelText('Clustering algorithm'), 'hierarchical');
    await screen.findByRole('figure', { name: 'Dendrogram' }, { timeout: 120_000 });
    await settled();
    expect(
      screen.getByRole('img', { name: /Dendrogram: 30 clusters joined by 29 merges/ }),
    ).toBeInTheDocument();
    // Ward builds its tree with Euclidean distances whatever the distance, and says so.
    await user.selectOptions(screen.getByLabelText('Distance'), 'manhattan');
    expect(
      screen.getByText(
        /Ward builds its tree with Euclidean distances only; Manhattan distance measures the silhouette/,
      ),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Linkage'), 'average');
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'Dendrogram' })).toHaveAccessibleDescription(
          /average linkage tree \(Manhattan distance\)/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    await user.selectOptions(screen.getByLabelText('Number of segments'), '3');
    await user.click(screen.getByLabelText('Cut the tree at a height'));
    // The height offered is the one that gives the segments on show.
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: 'Elbow curve' })).toHaveAccessibleDescription(
          /The tree cut at height [\d.]+ gives 3 segments/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    expect(screen.getByLabelText('Number of segments')).toHaveValue('3');

    await user.click(screen.getByRole('button', { name: 'Compare algorithms' }));
    const table = await screen.findByRole(
      'table',
      { name: /Algorithm comparison/ },
      { timeout: 120_000 },
    );
    const names = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(names).toEqual(['k-means', 'Hierarchical', 'DBSCAN']);
    const agreement = screen.getByRole('table', { name: /Agreement between algorithms/ });
    expect(within(agreement).getAllByRole('cell', { name: '1' })).toHaveLength(3);
  });
});
