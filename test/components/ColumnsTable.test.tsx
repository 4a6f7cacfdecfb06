import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated } from '../support/page';
import { bankChurnersCsv } from '../support/realShapes';

const MODEL_OUTPUT = 'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1';

/** The Columns table's row of a column, found by its row header. */
function columnRow(table: string, column: string): HTMLElement {
  const row = within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent === column);
  if (!row) throw new Error(`no row for ${column}`);
  return row;
}

// A whole analysis in jsdom: slow when test files run side by side.
describe('Columns table: identifiers and likely targets (#18)', { timeout: 240_000 }, () => {
  it('says why, leaves the target unticked, and lets the user tick it, in English and Chinese', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([bankChurnersCsv(150)], 'BankChurners.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();

    expect(screen.getByLabelText('Kind of CLIENTNUM')).toHaveValue('identifier');
    expect(screen.getByLabelText('Use CLIENTNUM as feature')).toBeDisabled();
    expect(columnRow('Columns', 'CLIENTNUM')).toHaveTextContent(
      /Named like an identifier and holds whole-number codes \(such as "\d{9}"\)/,
    );
    expect(screen.getByLabelText('Kind of Attrition_Flag')).toHaveValue('categorical');
    expect(columnRow('Columns', 'Attrition_Flag')).toHaveTextContent(
      'Named like an outcome to predict or a model’s output: not ticked as a feature',
    );
    expect(screen.getByLabelText(`Kind of ${MODEL_OUTPUT}`)).toHaveValue('numeric');
    expect(screen.getByLabelText(`Use ${MODEL_OUTPUT} as feature`)).not.toBeChecked();
    expect(screen.getByLabelText('Use Customer_Age as feature')).toBeChecked();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    await screen.findByRole('table', { name: '列' });
    expect(screen.getByLabelText(`将 ${MODEL_OUTPUT} 用作特征`)).not.toBeChecked();
    expect(columnRow('列', 'Attrition_Flag')).toHaveTextContent(
      '列名看起来是要预测的结果或模型的输出：默认不勾选为特征',
    );
    expect(columnRow('列', 'CLIENTNUM')).toHaveTextContent('列名看起来是标识符，内容是整数编码');
    expect(untranslated(readPage(document))).toEqual([]);

    // The user can still cluster on it.
    await user.click(screen.getByLabelText(`将 ${MODEL_OUTPUT} 用作特征`));
    expect(screen.getByLabelText(`将 ${MODEL_OUTPUT} 用作特征`)).toBeChecked();
    await settled();
    expect(
      within(screen.getByRole('table', { name: '细分群画像' })).getByRole('columnheader', {
        name: MODEL_OUTPUT,
      }),
    ).toBeInTheDocument();
  });
});

describe('Columns table: a kind the column cannot have', { timeout: 240_000 }, () => {
  it('says in one sentence why a column of text cannot be numeric, and keeps working', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([generateCustomersCsv({ rows: 200, seed: 3 })], 'shop.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    expect(screen.getByLabelText('Kind of region')).toHaveValue('categorical');

    await user.selectOptions(screen.getByLabelText('Kind of region'), 'numeric');
    await settled();
    const sentence =
      'region holds no numbers, so it cannot be a numeric feature: make it categorical and tick it to one-hot encode it, or leave it out.';
    expect(screen.getByRole('table', { name: 'Columns' })).toHaveTextContent(sentence);
    // The sentence describes the choice that led to it and the box it leaves unticked.
    expect(screen.getByLabelText('Kind of region')).toHaveAccessibleDescription(sentence);
    const use = screen.getByLabelText('Use region as feature');
    expect(use).toBeDisabled();
    expect(use).toHaveAccessibleDescription(sentence);
    // The page keeps working: the segments are there, and other columns say nothing of the kind.
    expect(screen.getByRole('table', { name: 'Segment profiles' })).toBeInTheDocument();
    expect(screen.getByLabelText('Kind of channel')).not.toHaveAccessibleDescription();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    await screen.findByRole('table', { name: '列' });
    const chinese =
      'region 中没有数字，不能作为数值特征：请把类型改为分类并勾选（即独热编码），或不使用此列。';
    expect(screen.getByRole('table', { name: '列' })).toHaveTextContent(chinese);
    expect(screen.getByLabelText('将 region 用作特征')).toHaveAccessibleDescription(chinese);

    // Back to categorical, the sentence goes and the column can be one-hot encoded.
    await user.selectOptions(screen.getByLabelText('region 的类型'), 'categorical');
    await settled();
    expect(screen.getByRole('table', { name: '列' })).not.toHaveTextContent(chinese);
    expect(screen.getByLabelText('将 region 用作特征')).toBeEnabled();
  });
});
