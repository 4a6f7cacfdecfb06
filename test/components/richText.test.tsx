import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  Data,
  renderMessageNode,
  useJoin,
  useRenderNode,
  useRich,
} from '../../src/components/richText';
import { message } from '../../src/core/common/message';
import { useStore } from '../../src/store/useStore';

/** The texts marked as user data inside an element. */
const marked = (element: HTMLElement) =>
  [...element.querySelectorAll('[translate="no"]')].map((span) => span.textContent);

describe('renderMessageNode', () => {
  it('marks every text the core quotes as user data, and nothing else', () => {
    render(
      <p data-testid="said">
        {renderMessageNode(
          'en',
          message('featureUnusedNote', {
            column: 'spend',
            note: message('kindNotNumbers', { count: 1234, example: 'n/a' }),
          }),
        )}
      </p>,
    );
    const said = screen.getByTestId('said');
    expect(said).toHaveTextContent(
      'spend: 1,234 cells are not a number (e.g. "n/a") and count as missing.',
    );
    expect(marked(said)).toEqual(['spend', 'n/a']);
  });

  it('keeps the argument of a select as it is, so that it chooses its branch', () => {
    render(
      <p data-testid="said">
        {renderMessageNode(
          'zh',
          message('featureWrongKind', { name: 'customer_id', kind: 'identifier' }),
        )}
      </p>,
    );
    const said = screen.getByTestId('said');
    expect(said).toHaveTextContent(/^“customer_id”是标识符列，不是数值列/);
    expect(marked(said)).toEqual(['customer_id']);
  });

  it('gives plain text for a message that quotes nothing', () => {
    expect(renderMessageNode('zh', message('statusCancelled'))).toBe('已取消。');
  });
});

function Sentence() {
  const rich = useRich();
  const join = useJoin();
  const render = useRenderNode();
  return (
    <>
      <p data-testid="question">
        {rich('ui.mapping.dateQuestion', { column: <Data>order_date</Data> })}
      </p>
      <p data-testid="list">{join(['a', 'b', 'c'])}</p>
      <p data-testid="status">{render(message('statusReading', { name: 'orders.csv' }))}</p>
    </>
  );
}

describe('useRich, useJoin and useRenderNode', () => {
  it('put elements where their placeholders are, in the page’s language as it changes', () => {
    render(<Sentence />);
    expect(screen.getByTestId('question')).toHaveTextContent(
      'How are the dates in order_date written?',
    );
    expect(marked(screen.getByTestId('question'))).toEqual(['order_date']);
    expect(screen.getByTestId('list')).toHaveTextContent('a, b, c');
    expect(screen.getByTestId('status')).toHaveTextContent('Reading orders.csv…');

    act(() => useStore.getState().setLanguage('zh'));
    expect(screen.getByTestId('question')).toHaveTextContent('order_date 中的日期是怎么写的？');
    expect(marked(screen.getByTestId('question'))).toEqual(['order_date']);
    expect(screen.getByTestId('list')).toHaveTextContent('a、b、c');
    expect(screen.getByTestId('status')).toHaveTextContent('正在读取 orders.csv……');
    expect(marked(screen.getByTestId('status'))).toEqual(['orders.csv']);
  });
});
