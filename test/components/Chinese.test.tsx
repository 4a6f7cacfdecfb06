import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { readPage, settled, untranslated, untranslatedChinese } from '../support/page';
import { captureDownloads, rowsOf } from '../support/downloads';

const count = (text: string | null | undefined) => Number((text ?? '').replace(/,/g, ''));

/** Row header -> first cell, of a table's body rows. */
function firstCells(table: HTMLElement): Record<string, number> {
  return Object.fromEntries(
    within(table)
      .getAllByRole('row')
      .filter((row) => within(row).queryByRole('rowheader'))
      .map((row) => [
        within(row).getByRole('rowheader').textContent ?? '',
        count(within(row).queryAllByRole('cell')[0]?.textContent),
      ]),
  );
}

/** Switches the page's language as a user does: with the switch in the masthead. */
async function switchTo(user: ReturnType<typeof userEvent.setup>, language: 'zh' | 'en') {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), language);
}

/** Fails with every English word the page says outside user data and technical terms. */
function expectAllChinese() {
  expect(untranslated(readPage(document))).toEqual([]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

// Whole analyses in jsdom, several per test: slow when test files run side by side.
describe('the page in Chinese', { timeout: 240_000 }, () => {
  it('switches language without losing the analysis, then works by its Chinese names', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Try sample customers' }));
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    const sizes = firstCells(screen.getByRole('table', { name: 'Segment profiles' }));
    const k = (screen.getByLabelText('Number of segments') as HTMLSelectElement).value;
    // The scan sees the English page's words (it would see any left in the Chinese page).
    expect(untranslated(readPage(document)).length).toBeGreaterThan(50);
    expect(untranslatedChinese(readPage(document))).toEqual([]);

    await switchTo(user, 'zh');
    // The same results, in other words, with nothing analysed again.
    expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByRole('progressbar')).toBeNull();
    const profiles = screen.getByRole('table', { name: '细分群画像' });
    expect(Object.values(firstCells(profiles))).toEqual(Object.values(sizes));
    expect(within(profiles).getByRole('row', { name: /^全部已分析客户/ })).toBeInTheDocument();
    expect(screen.getByLabelText('细分群数量')).toHaveValue(k);
    expect(within(screen.getByRole('region', { name: /加载文件/ })).getByText('customers.csv'));
    expect(screen.getByRole('figure', { name: '肘部曲线' })).toHaveAccessibleDescription(
      /^惯性从 k = 1 时的 [\d,.]+ 降到 k = \d+ 时的 [\d,.]+。轮廓系数（越高越好）在 k = \d+ 时最好/,
    );
    expectAllChinese();

    // Controls by their Chinese names.
    await user.selectOptions(screen.getByLabelText('细分群数量'), '3');
    expect(
      within(screen.getByRole('table', { name: '细分群画像' }))
        .getAllByRole('rowheader')
        .filter((cell) => /^\d+：/.test(cell.textContent ?? '')),
    ).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('质量指标'), 'daviesBouldin');
    expect(screen.getByRole('figure', { name: '肘部曲线' })).toHaveAccessibleDescription(
      /Davies-Bouldin 指数（越低越好）在 k = \d+ 时最好/,
    );
    await user.click(screen.getByRole('button', { name: '更改设置' }));
    expect(screen.getByLabelText('每个 k 的初始化次数')).toHaveValue(10);
    await user.selectOptions(screen.getByLabelText('缺失值'), 'median');
    await waitFor(
      () =>
        expect(screen.getAllByText(/个缺失值已用中位数 [\d,.]+ 填补/).length).toBeGreaterThan(0),
      { timeout: 120_000 },
    );
    await settled();
    expectAllChinese();

    const segments = firstCells(screen.getByRole('table', { name: '细分群画像' }));
    const [first] = Object.entries(segments).filter(([name]) => /^\d+：/.test(name));
    const [, id, label] = /^(\d+)：(.*)$/.exec(first[0]) ?? [];
    await user.click(
      screen.getByRole('button', {
        name: `下载细分群 ${id}：${label}（${first[1].toLocaleString('zh-CN')} 行）`,
      }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe(`customers - 细分群 ${id} - ${label}.csv`);
    const rows = await rowsOf(saved[0].blob);
    expect(rows).toHaveLength(first[1]);
    expect(new Set(rows.map((row) => row.segment_label))).toEqual(new Set([label]));
  });

  it('runs DBSCAN, hierarchical clustering and the comparison by their Chinese names', async () => {
    const user = userEvent.setup();
    render(<App />);
    await switchTo(user, 'zh');
    await user.click(screen.getByRole('button', { name: '试用示例客户数据' }));
    await screen.findByRole('table', { name: '细分群画像' }, { timeout: 120_000 });
    await settled();

    await user.selectOptions(screen.getByLabelText('聚类算法'), 'dbscan');
    const plot = await screen.findByRole('figure', { name: 'k-距离图' }, { timeout: 120_000 });
    await settled();
    expect(plot).toHaveAccessibleDescription(/拐点建议 eps 为 [\d.]+；/);
    expect(screen.getByLabelText('使用建议的 eps')).toBeChecked();
    expect(screen.getByLabelText('细分群数量')).toHaveDisplayValue(/（DBSCAN 找到）$/);
    expectAllChinese();

    await user.selectOptions(screen.getByLabelText('聚类算法'), 'hierarchical');
    await screen.findByRole('figure', { name: '树状图' }, { timeout: 120_000 });
    await settled();
    await user.selectOptions(screen.getByLabelText('连接方法'), 'average');
    await waitFor(
      () =>
        expect(screen.getByRole('figure', { name: '树状图' })).toHaveAccessibleDescription(
          /^平均连接聚类树（欧氏距离）/,
        ),
      { timeout: 120_000 },
    );
    await settled();
    expect(screen.getByRole('img', { name: /^树状图：30 个聚类经 29 次合并相连/ })).toBeVisible();
    await user.click(screen.getByRole('button', { name: '比较算法' }));
    const table = await screen.findByRole('table', { name: /算法比较/ }, { timeout: 120_000 });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['k-means', '层次聚类', 'DBSCAN']);
    expect(within(table).getByRole('row', { name: /层次聚类/ })).toHaveTextContent(/平均连接/);
    await settled();
    expectAllChinese();
  });

  it('shows the eight Chinese RFM segments, edits them and exports them', async () => {
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App />);
    await switchTo(user, 'zh');
    await user.click(screen.getByRole('button', { name: '试用示例交易数据' }));
    await screen.findByRole('table', { name: '细分群汇总' }, { timeout: 120_000 });
    await screen.findByRole('table', { name: '聚类与 RFM 细分群交叉表' }, { timeout: 120_000 });
    await settled();
    expect(screen.getByRole('radio', { name: /按交易分析（RFM）/ })).toBeChecked();
    expect(screen.getByLabelText('客户列')).toHaveValue('CustomerID');
    const classic = firstCells(screen.getByRole('table', { name: '细分群汇总' }));
    expect(Object.keys(classic)).toContain('冠军客户');
    const customers = Object.values(classic).reduce((a, b) => a + b, 0);
    expectAllChinese();
    // The spread of R, F and M per cluster: the page's words for them, not the columns' names.
    const spread = screen.getByRole('figure', { name: '各细分群中某列的分布' });
    expect(
      within(within(spread).getByRole('combobox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['最近购买天数', '购买频次', '消费金额']);

    await user.selectOptions(screen.getByLabelText('命名细分'), 'rfm-mean');
    const eight = firstCells(screen.getByRole('table', { name: '细分群汇总' }));
    expect(Object.keys(eight)).toEqual([
      '重要价值客户',
      '重要发展客户',
      '重要保持客户',
      '重要挽留客户',
      '一般价值客户',
      '一般发展客户',
      '一般保持客户',
      '一般挽留客户',
    ]);
    expect(Object.values(eight).reduce((a, b) => a + b, 0)).toBe(customers);
    const grid = screen.getByRole('table', { name: '按 R、F、M 高于或低于平均值划分的客户' });
    expect(within(grid).getAllByRole('row')).toHaveLength(9);

    await user.click(screen.getByRole('button', { name: '编辑细分群' }));
    const name = screen.getByLabelText('细分群 1 的名称');
    expect(name).toHaveValue('重要价值客户');
    await user.clear(name);
    await user.type(name, 'VIP 客户');
    await user.selectOptions(screen.getByLabelText('R ↑ F ↓ M ↑ 的细分群'), 'VIP 客户');
    const edited = firstCells(screen.getByRole('table', { name: '细分群汇总' }));
    expect(edited['VIP 客户']).toBe(eight['重要价值客户'] + eight['重要发展客户']);
    // A name the user typed is user data: shown as typed, never translated.
    const typed = within(screen.getByRole('table', { name: '细分群汇总' })).getByText('VIP 客户');
    expect(typed).toHaveAttribute('translate', 'no');
    expectAllChinese();

    await user.click(screen.getByRole('button', { name: '下载 RFM 表' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('transactions - RFM 表.csv');
    const rows = await rowsOf(saved[0].blob);
    expect(rows).toHaveLength(customers);
    // The file's columns keep their names; its segments are named as on the page.
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
    ]);
    expect(rows.filter((row) => row.segment === 'VIP 客户')).toHaveLength(edited['VIP 客户']);
    expect(rows.filter((row) => row.segment === '一般挽留客户')).toHaveLength(
      edited['一般挽留客户'],
    );

    // The customer table sorted by segment name, as the names read in Chinese...
    const firstByName = (counts: Record<string, number>) =>
      Object.entries(counts)
        .filter(([, customers]) => customers > 0)
        .map(([segment]) => segment)
        .sort((a, b) => a.localeCompare(b))[0];
    const firstSegmentShown = (table: string) =>
      within(screen.getByRole('table', { name: table }))
        .getAllByRole('row')[1]
        .querySelectorAll('td')[7].textContent;
    await user.click(screen.getByRole('button', { name: '细分群' }));
    await waitFor(() => expect(firstSegmentShown('客户')).toBe(firstByName(edited)));

    // Back in English: the default names follow the language, the typed one stays.
    await switchTo(user, 'en');
    const english = firstCells(screen.getByRole('table', { name: 'Segment summary' }));
    expect(Object.keys(english)).toEqual([
      'VIP 客户',
      'Important development customers',
      'Important retention customers',
      'Important win-back customers',
      'General value customers',
      'General development customers',
      'General retention customers',
      'General win-back customers',
    ]);
    // ...and sorted again as they read in English.
    expect(firstByName(english)).not.toBe(firstByName(edited));
    await waitFor(() => expect(firstSegmentShown('Customers')).toBe(firstByName(english)));
    expect(untranslatedChinese(readPage(document))).toEqual([]);
  });

  it('refuses a workbook in one Chinese sentence and then reads the next file', async () => {
    const user = userEvent.setup();
    render(<App />);
    await switchTo(user, 'zh');
    await user.upload(
      screen.getByLabelText('选择 CSV、Excel 或 Parquet 文件'),
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'book.csv'),
    );
    // The alert region is always there (empty until a message): wait for the sentence itself.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        '这个文件是 zip 压缩包（已损坏），不是 CSV、Excel 工作簿或 Parquet 文件',
      ),
    );
    expectAllChinese();
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });
});
