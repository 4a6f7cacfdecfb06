import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../src/core/common/message';
import { renderMessage } from '../../src/i18n/formatMessage';
import { fetchSample } from '../../src/store/saveFile';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchSample', () => {
  it('gives the sample file the page asked for', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('a,b\n1,2\n');
    });
    const blob = await fetchSample('customers.csv');
    expect(await blob.text()).toBe('a,b\n1,2\n');
    expect(fetched).toEqual([`${import.meta.env.BASE_URL}customers.csv`]);
  });

  it('says why a sample could not be loaded as a sentence the page renders in its language', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const error = await fetchSample('orders.csv').then(
      () => null,
      (caught: unknown) => caught as Error & { sentence?: unknown },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error!.sentence).toEqual(
      message('sampleNotLoaded', { name: 'orders.csv', status: 404 }),
    );
    expect(error!.message).toBe('the sample orders.csv could not be loaded (404)');
    expect(
      renderMessage('zh', message('sampleNotLoaded', { name: 'orders.csv', status: 404 })),
    ).toBe('无法加载示例 orders.csv（404）');
  });
});
