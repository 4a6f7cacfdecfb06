import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** The store as a new visit makes it: its modules loaded afresh (a reload). */
async function languageOnReload(): Promise<string> {
  vi.resetModules();
  const { useStore } = await import('../../src/store/useStore');
  return useStore.getState().language;
}

describe('the language switch', () => {
  it('is labelled in both languages and names each language as it writes itself', () => {
    render(<App />);
    const switcher = screen.getByRole('combobox', { name: 'Language / 语言' });
    expect(switcher).toHaveValue('en');
    expect(
      screen.getAllByRole('option').filter((option) => option.closest('.language-switch')),
    ).toHaveLength(2);
    expect(screen.getByRole('option', { name: 'English' })).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('option', { name: '中文' })).toHaveAttribute('lang', 'zh-CN');
    // Never rewritten by a browser translator: it must read the same in every language.
    expect(switcher.closest('[translate="no"]')).not.toBeNull();
  });

  it('switches the page, its lang and its title, and remembers the choice on this device', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('region', { name: /Load a file/ })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'zh');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('SegmentLens — 在浏览器中根据 CSV 文件进行客户细分');
    expect(screen.getByRole('region', { name: /加载文件/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '试用示例客户数据' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try sample customers' })).toBeNull();
    expect(localStorage.getItem('segmentlens.language')).toBe('zh');
    expect(await languageOnReload()).toBe('zh');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language / 语言' }), 'en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Try sample customers' })).toBeInTheDocument();
    expect(await languageOnReload()).toBe('en');
  });

  it('starts in the browser’s language on a first visit', async () => {
    const language = vi.spyOn(navigator, 'language', 'get');
    language.mockReturnValue('zh-CN');
    expect(await languageOnReload()).toBe('zh');
    language.mockReturnValue('zh-TW');
    expect(await languageOnReload()).toBe('zh');
    language.mockReturnValue('en-US');
    expect(await languageOnReload()).toBe('en');
    language.mockReturnValue('fr-FR');
    expect(await languageOnReload()).toBe('en');
    // A choice made before wins over the browser's language.
    localStorage.setItem('segmentlens.language', 'en');
    language.mockReturnValue('zh-CN');
    expect(await languageOnReload()).toBe('en');
  });
});
