import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Which sentence says what a field takes: its select's case in ui.numberField.range. */
function rangeKind(integer: boolean, min: number | undefined, max: number | undefined): string {
  const bounds =
    min !== undefined ? (max !== undefined ? 'Both' : 'Min') : max !== undefined ? 'Max' : 'None';
  return `${integer ? 'whole' : 'number'}${bounds}`;
}

/**
 * A number input that keeps what the user types (a half-typed "0." is not a number yet) and
 * hands on only valid values. A value it cannot take is not dropped in silence: while it is typed,
 * and after the field puts its value back, a sentence tied to the input says what it takes.
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
  const { t } = useTranslation();
  const messageId = useId();
  const [text, setText] = useState<string | null>(null);
  /** What was typed and not used, once the field has put its value back (null: nothing). */
  const [refused, setRefused] = useState<string | null>(null);
  const shown = text ?? (value === null ? '' : String(value));
  const accepts = (number: number) =>
    Number.isFinite(number) &&
    (min === undefined || number > min - (integer ? 1 : 0)) &&
    (max === undefined || number <= max) &&
    (!integer || Number.isInteger(number));
  // Typed, and not a value the field takes (an empty field is, where emptying it means the default;
  // a browser gives "" for what it cannot read as a number, such as "-").
  const wrong =
    text !== null &&
    !(text === '' && onClear !== undefined) &&
    !accepts(text === '' ? NaN : Number(text));
  const range = t('ui.numberField.range', { kind: rangeKind(integer, min, max), min, max });
  const message = wrong
    ? t('ui.numberField.hint', { range })
    : refused !== null && value !== null
      ? refused === ''
        ? t('ui.numberField.kept', { range, value: String(value) })
        : t('ui.numberField.notUsed', { range, typed: refused, value: String(value) })
      : null;
  return (
    <div className="number-field">
      <label>
        {label}
        <input
          type="number"
          min={min}
          max={max}
          step={integer ? 1 : 'any'}
          value={shown}
          disabled={disabled}
          aria-invalid={wrong}
          aria-describedby={message === null ? undefined : messageId}
          onChange={(e) => {
            setText(e.target.value);
            setRefused(null);
            if (e.target.value === '' && onClear) {
              onClear();
              return;
            }
            const number = e.target.valueAsNumber;
            if (accepts(number)) onCommit(number);
          }}
          onBlur={() => {
            if (wrong) setRefused(text);
            setText(null);
          }}
        />
      </label>
      {message !== null && (
        <p id={messageId} className="field-message">
          {message}
        </p>
      )}
    </div>
  );
}
