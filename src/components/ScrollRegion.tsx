import type { ReactNode, Ref } from 'react';

/**
 * A box that scrolls sideways when what it holds is wider than the screen (a table on a phone, a
 * chart drawn at its own width). It is a named region that takes the keyboard's focus, so that a
 * keyboard scrolls it with the arrow keys and a screen reader says what it holds; it shows the
 * page's focus ring. Every sideways-scrolling box of the page is one of these.
 */
export function ScrollRegion({
  className,
  label,
  labelledBy,
  children,
  ref,
}: {
  /** Its own class (`table-scroll`, a chart's frame), which makes it scroll. */
  className: string;
  /** Its name, in the page's language (when no element names it). */
  label?: string;
  /** The id of the element that names it (a table's caption). */
  labelledBy?: string;
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      className={`scroll-region ${className}`}
      role="region"
      tabIndex={0}
      aria-label={labelledBy === undefined ? label : undefined}
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
