import { useId, type ReactNode } from 'react';

/** A numbered step of the page, with a heading that names its region. */
export function Section({
  step,
  title,
  children,
  aside,
}: {
  step: number;
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="step" aria-labelledby={id}>
      <header className="step__header">
        <h2 id={id}>
          <span className="step__number" aria-hidden="true">
            {step}
          </span>
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}
