import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Waits until the page shows the results of the last change: nothing on it is busy. The main
 * region is busy from a change (while the analysis waits for the user to pause, then runs) until
 * its results are in the store, and each chart until it has drawn them. Never a fixed wait.
 */
export async function settled(timeout = 120_000): Promise<void> {
  await waitFor(
    () => {
      expect(screen.getByRole('main')).toHaveAttribute('aria-busy', 'false');
      expect(document.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
    },
    { timeout },
  );
}
