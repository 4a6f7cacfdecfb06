import { useId, type ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/**
 * A table in a box of its own that scrolls sideways when the table is wider than the screen (so
 * the page itself never does): the box is a region named by the table's caption, and takes the
 * keyboard's focus.
 */
export function TableScroll({
  caption,
  captionHidden = false,
  className,
  children,
}: {
  /** The table's caption, which also names the scrolling box. */
  caption: ReactNode;
  /** Read by screen readers only (a chart's table of values, whose figure has a visible title). */
  captionHidden?: boolean;
  /** The table's classes. */
  className: string;
  /** The table's head, body and foot. */
  children: ReactNode;
}) {
  // Captions are in the page's language and may hold user data: the id must not depend on them.
  const id = useId();
  return (
    <ScrollRegion className="table-scroll" labelledBy={id}>
      <table className={className}>
        <caption id={id} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </table>
    </ScrollRegion>
  );
}
