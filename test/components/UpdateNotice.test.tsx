import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/components/App';
import { useStore } from '../../src/store/useStore';

describe('the update notice', () => {
  it('says nothing until a new version waits, then switches to it only when asked', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(screen.queryByRole('status', { name: 'New version' })).toBeNull();
    const apply = vi.fn();
    act(() => useStore.getState().offerUpdate(apply));
    const notice = screen.getByRole('status', { name: 'New version' });
    expect(notice).toHaveTextContent(/A new version of SegmentLens is ready/);
    expect(apply).not.toHaveBeenCalled();
    await user.click(within(notice).getByRole('button', { name: 'Reload to update' }));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('status', { name: 'New version' })).toBeNull();
  });
});
