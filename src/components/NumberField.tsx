import { useState } from 'react';

/**
 * A number input that keeps what the user types (a half-typed "0." is not a number yet) and
 * hands on only valid values.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  integer,
  disabled = false,
  onCommit,
  onClear,
}: {
  label: string;
  value: number | null;
  /** The smallest value handed on (excluded unless `integer`); none when left out. */
  min?: number;
  /** The largest value handed on (none when left out). */
  max?: number;
  integer: boolean;
  disabled?: boolean;
  onCommit: (value: number) => void;
  /** Told when the field is emptied (a field whose empty value means its default). */
  onClear?: () => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (value === null ? '' : String(value));
  return (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={shown}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '' && onClear) {
            onClear();
            return;
          }
          const number = e.target.valueAsNumber;
          if (
            Number.isFinite(number) &&
            (min === undefined || number > min - (integer ? 1 : 0)) &&
            (max === undefined || number <= max) &&
            (!integer || Number.isInteger(number))
          )
            onCommit(number);
        }}
        onBlur={() => setText(null)}
      />
    </label>
  );
}
