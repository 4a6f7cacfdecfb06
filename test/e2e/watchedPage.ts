import { expect } from 'vitest';
import { foreignRequests, type Watched } from './browser';

/**
 * After a test: whatever it did, the page logged no error and spoke to no other origin. Closes
 * the page's context and returns null, for the test file's `watched` slot.
 */
export async function closeWatched(watched: Watched | null, url: string): Promise<null> {
  if (watched) {
    expect(watched.consoleErrors).toEqual([]);
    expect(foreignRequests(watched.requests, url)).toEqual([]);
    await watched.page.context().close();
  }
  return null;
}
