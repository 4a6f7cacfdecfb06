import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';
import { campaignCsv } from '../support/campaign';
import { readPage, settled, untranslated } from '../support/page';
import { captureDownloads, rowsOf } from '../support/downloads';

const ROWS = 240;
const campaign = () =>
  new File([campaignCsv(ROWS, 3)], 'campaign.csv', {
    type: 'text/csv',
  });

async function load() {
  const user = userEvent.setup();
  render(<App />);
  await user.upload(screen.getByLabelText('Choose a CSV, Excel or Parquet file'), campaign());
  await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
  await settled();
  return user;
}

const part = (name: RegExp | string) => screen.getByRole('region', { name });

/** A part of the page, as readPage reads a whole document. */
const inside = (element: HTMLElement) =>
  ({
    body: element,
    title: '',
    createTreeWalker: document.createTreeWalker.bind(document),
  }) as unknown as Document;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('explain and predict on the page', { timeout: 240_000 }, () => {
  it('explains the segments in rules, with fidelity, and downloads the explained rows', async () => {
    const saved = captureDownloads();
    const user = await load();
    const explain = part('Explain the segments');
    await user.click(within(explain).getByRole('button', { name: 'Explain the segments' }));
    await within(explain).findByText(/^Fidelity: the tree puts [\d.]+% of the held-out rows/);
    await settled();
    const k = Number((screen.getByLabelText('Number of segments') as HTMLSelectElement).value);
    // A heading per segment, each with a rule or the sentence that it has none.
    const rules = within(explain).getByText('Rules per segment').nextElementSibling as HTMLElement;
    expect(rules.querySelectorAll('dt')).toHaveLength(k);
    expect(
      within(rules).getAllByText(/→ Segment \d+: .+ \([\d,]+ of [\d,]+ customers\)$/).length,
    ).toBe(rules.querySelectorAll('dd:not(.hint)').length);
    expect(within(explain).getByRole('figure', { name: 'Decision tree diagram' })).toBeVisible();
    const report = within(explain).getByRole('table', {
      name: 'How well the tree explains each segment (held-out rows)',
    });
    expect(within(report).getAllByRole('row')).toHaveLength(k + 1);
    const confusion = within(explain).getByRole('table', {
      name: 'Segment (rows) against the segment the tree gives (columns), held-out rows',
    });
    const test = within(confusion)
      .getAllByRole('cell')
      .reduce((sum, cell) => sum + Number(cell.textContent?.replace(/,/g, '') || 0), 0);
    expect(test).toBe(useStore.getState().explanation!.view.rows.test);

    // A shallower tree: the explanation follows without another click.
    const before = useStore.getState().explanation;
    await user.selectOptions(within(explain).getByLabelText('Tree depth'), '1');
    await waitFor(() => expect(useStore.getState().explanation).not.toBe(before));
    await settled();
    expect(useStore.getState().explanation!.view.tree!.depth).toBe(1);

    // The threshold tree: its cost against the clustering's.
    await user.selectOptions(within(explain).getByLabelText('Method'), 'imm');
    await within(explain).findByText(/^Price of full explainability/);
    await settled();

    // A name the user gives segment 0 in Export travels to the explained rows (#18).
    const exportSection = screen.getByRole('region', { name: /Export/ });
    await user.clear(within(exportSection).getByLabelText('Name of segment 0'));
    await user.type(within(exportSection).getByLabelText('Name of segment 0'), 'Loyal');
    await user.click(
      within(explain).getByRole('button', { name: 'Download the explained rows (CSV)' }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toMatch(/^campaign - segments explained, \d+ segments, threshold tree/);
    const rows = await rowsOf(saved[0].blob);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['segment', 'segment_name', 'tree_segment']),
    );
    expect(
      rows.filter((row) => row.segment === '0').every((row) => row.segment_name === 'Loyal'),
    ).toBe(true);
  });

  it('predicts a yes/no column with three models and downloads the predictions', async () => {
    const saved = captureDownloads();
    const user = await load();
    const predict = part('Predict a column');
    expect(within(predict).getByLabelText('Column to predict')).toHaveValue('response');
    // The target is never a feature; by default every numeric column.
    const features = within(predict).getByRole('group', { name: 'Features' });
    expect(within(features).queryByLabelText('response')).toBeNull();
    expect(within(features).getByLabelText('income')).toBeChecked();
    expect(within(features).getByLabelText('region')).not.toBeChecked();
    await user.click(within(features).getByLabelText('region'));
    await user.click(within(predict).getByRole('button', { name: 'Train the models' }));
    const models = await within(predict).findByRole('table', {
      name: 'The three models on the held-out rows',
    });
    await settled();
    expect(
      within(models)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Logistic regression', 'Decision tree', 'Random forest']);
    for (const row of within(models).getAllByRole('row').slice(1)) {
      const accuracy = Number(within(row).getAllByRole('cell')[0].textContent);
      expect(accuracy).toBeGreaterThan(0.5);
    }
    // Region's categories are features now.
    // The ROC curve of each model, said in words too.
    expect(within(predict).getByRole('figure', { name: 'ROC curves' })).toHaveAccessibleDescription(
      /^ROC curves on the held-out rows: Logistic regression, AUC 0\.\d{3}, Decision tree, AUC 0\.\d{3}, Random forest, AUC 0\.\d{3}\./,
    );
    // Chance's diagonal and a curve for each model, each from (0, 0) to (1, 1).
    const roc = within(predict).getByRole('figure', { name: 'ROC curves' });
    const curves = [...roc.querySelectorAll('svg .plot__line')].map((path) =>
      [...(path.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]),
    );
    expect(curves).toHaveLength(4);
    const [origin, corner] = [curves[0][0], curves[0].at(-1) as number[]];
    expect(corner[0]).toBeGreaterThan(origin[0]);
    expect(corner[1]).toBeLessThan(origin[1]);
    for (const curve of curves.slice(1)) {
      expect(curve[0][0]).toBeCloseTo(origin[0], 0);
      expect(curve[0][1]).toBeCloseTo(origin[1], 0);
      expect((curve.at(-1) as number[])[0]).toBeCloseTo(corner[0], 0);
      expect((curve.at(-1) as number[])[1]).toBeCloseTo(corner[1], 0);
    }
    const importances = within(predict).getByRole('table', { name: 'Feature importances' });
    expect(within(importances).getAllByRole('rowheader', { name: /^region is / })).toHaveLength(3);
    // Per segment, the actual and predicted rates.
    const rates = within(predict).getByRole('table', { name: 'response = 1 by segment' });
    expect(within(rates).getAllByRole('row').length).toBeGreaterThan(2);
    // The threshold moves precision and recall.
    const atThreshold = () =>
      within(predict).getByRole('table', { name: /^Precision and recall at a threshold of/ })
        .textContent;
    const atHalf = atThreshold();
    // At 0.50 the slider calls positive the rows the models predict positive: the same figures.
    const halfTable = within(predict).getByRole('table', {
      name: /^Precision and recall at a threshold of 0\.50/,
    });
    const figures = (table: HTMLElement, columns: string[]) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => {
          const headers = within(table)
            .getAllByRole('columnheader')
            .map((cell) => cell.textContent);
          const cells = within(row).getAllByRole('cell');
          return columns.map((column) => cells[headers.indexOf(column) - 1].textContent);
        });
    expect(figures(halfTable, ['Precision', 'Recall', 'F1'])).toEqual(
      figures(models, ['Precision', 'Recall', 'F1']),
    );
    const slider = within(predict).getByRole('slider', { name: /Threshold for 1/ });
    // jsdom does not drag a range input: it takes the value a drag would give.
    fireEvent.change(slider, { target: { value: '0.8' } });
    await waitFor(() => expect(slider).toHaveValue('0.8'));
    expect(atThreshold()).not.toBe(atHalf);

    await user.click(
      within(predict).getByRole('button', { name: 'Download the predictions (CSV)' }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('campaign - predictions of response.csv');
    const rows = await rowsOf(saved[0].blob);
    expect(rows).toHaveLength(ROWS + 1);
    expect(new Set(rows.map((row) => row.split))).toEqual(new Set(['train', 'test', '']));
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining([
        'logistic_prediction',
        'logistic_probability',
        'tree_prediction',
        'forest_probability',
      ]),
    );

    // Another target: the results say they are out of date until trained again.
    await user.selectOptions(within(predict).getByLabelText('Column to predict'), 'tier');
    expect(
      within(predict).getByText(
        'The choices changed since these models were trained: train them again to update.',
      ),
    ).toBeInTheDocument();
  });

  it('says a problem with the target in one sentence, and keeps working', async () => {
    const user = await load();
    const predict = part('Predict a column');
    const features = within(predict).getByRole('group', { name: 'Features' });
    for (const box of within(features).getAllByRole('checkbox'))
      if ((box as HTMLInputElement).checked) await user.click(box);
    await user.click(within(predict).getByRole('button', { name: 'Train the models' }));
    expect(await screen.findByText(/^No feature is chosen/)).toBeInTheDocument();
    await user.click(within(features).getByLabelText('age'));
    await user.click(within(predict).getByRole('button', { name: 'Train the models' }));
    await within(predict).findByRole('table', { name: 'The three models on the held-out rows' });
  });

  it('cancels training, keeps the page working, and trains again', async () => {
    const user = await load();
    const predict = part('Predict a column');
    // Enough trees for the Cancel button to come in between them.
    const trees = within(predict).getByLabelText('Trees in the forest');
    await user.clear(trees);
    await user.type(trees, '5000');
    await user.click(within(predict).getByRole('button', { name: 'Train the models' }));
    await screen.findByRole('progressbar', { name: 'Analysis progress' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByRole('progressbar', { name: 'Analysis progress' })).toBeNull(),
    );
    await screen.findByText('Cancelled: the page shows the last finished results.');
    expect(
      within(predict).queryByRole('table', { name: 'The three models on the held-out rows' }),
    ).toBeNull();
    // Trained again (the cancelled session reads the file again) with fewer trees.
    await user.clear(trees);
    await user.type(trees, '20');
    await user.click(within(predict).getByRole('button', { name: 'Train the models' }));
    await within(predict).findByRole('table', { name: 'The three models on the held-out rows' });
    // The cancel was no error.
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('speaks Chinese in the panel', async () => {
    const user = await load();
    await user.click(
      within(part('Explain the segments')).getByRole('button', { name: 'Explain the segments' }),
    );
    await within(part('Explain the segments')).findByText(/^Fidelity/);
    await settled();
    await user.click(
      within(part('Predict a column')).getByRole('button', { name: 'Train the models' }),
    );
    await within(part('Predict a column')).findByRole('table', {
      name: 'The three models on the held-out rows',
    });
    await settled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    const explain = part('解释细分群');
    expect(within(explain).getByText(/^保真度：/)).toBeInTheDocument();
    expect(within(explain).getAllByText(/→ 细分群 \d+/).length).toBeGreaterThan(0);
    const predict = part('预测一列');
    const models = within(predict).getByRole('table', { name: '三个模型在留出的行上的表现' });
    expect(
      within(models)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['逻辑回归', '决策树', '随机森林']);
    // No English in the panel (the scan of the whole page is Chinese.test.tsx's).
    expect(untranslated(readPage(inside(part(/解释与预测/))))).toEqual([]);
  });
});
