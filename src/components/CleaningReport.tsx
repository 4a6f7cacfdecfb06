import { useTranslation } from 'react-i18next';
import type { DropReason } from '../core/clean/cleanOptions';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { Data, useRenderNode, useRich, type UiKey } from './richText';
import { useRender } from './useRender';
import { ColumnName } from './ColumnName';

const REASONS = {
  malformed: 'ui.report.reason.malformed',
  duplicate: 'ui.report.reason.duplicate',
  missing: 'ui.report.reason.missing',
  outlier: 'ui.report.reason.outlier',
} as const satisfies Record<DropReason, UiKey>;

/** Rows read = analysed + set aside (by reason); what was filled in or clipped. */
export function CleaningReport() {
  const { t } = useTranslation();
  const rich = useRich();
  const renderText = useRender();
  const render = useRenderNode();
  const format = useFormats();
  const view = useStore((s) => s.view);
  const fileNotes = useStore((s) => s.dataset?.notes);
  const download = useStore((s) => s.downloadCleaningReport);
  if (!view) return null;
  const { cleaning } = view;
  const setAside = cleaning.read - cleaning.kept;
  // The same note can come from cleaning and from the features: say it once; what the file
  // summary says about reading the file is not said again here.
  const said = new Set((fileNotes ?? []).map(renderText));
  const notes = new Map(
    [...cleaning.notes, ...view.notes]
      .map((note) => [renderText(note), note] as const)
      .filter(([text]) => !said.has(text)),
  );
  return (
    <div className="cleaning-report">
      <h3>{t('ui.report.title')}</h3>
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">{t('ui.report.caption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('ui.report.read')}</th>
            <td className="num">{format.count(cleaning.read)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.report.analysed')}</th>
            <td className="num">{format.count(cleaning.kept)}</td>
          </tr>
          <tr>
            <th scope="row">{t('ui.report.setAside')}</th>
            <td className="num">{format.count(setAside)}</td>
          </tr>
          {(Object.keys(REASONS) as DropReason[]).map((reason) =>
            cleaning.dropped[reason] > 0 ? (
              <tr key={reason}>
                <th scope="row" className="indent">
                  {t(REASONS[reason])}
                </th>
                <td className="num">{format.count(cleaning.dropped[reason])}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      <ul className="notes">
        {cleaning.missingCodes.map((item) => (
          <li key={`${item.column}\u0000${item.value}`}>
            {rich('ui.clipping.coded', {
              column: <Data>{item.column}</Data>,
              count: item.count,
              value: format.number(item.value),
            })}
          </li>
        ))}
        {cleaning.imputed.map((item) => (
          <li key={item.column}>
            {rich('ui.report.imputed', {
              column: <ColumnName name={item.column} />,
              count: item.count,
              value:
                typeof item.value === 'number' ? (
                  format.number(item.value)
                ) : (
                  <Data>{item.value}</Data>
                ),
              strategy: item.strategy,
            })}
          </li>
        ))}
        {cleaning.clipped.map((item) => (
          <li key={item.column}>
            {rich('ui.clipping.clipped', {
              column: <ColumnName name={item.column} />,
              count: item.count,
              below: item.below,
              above: item.above,
              low: format.number(item.low),
              high: format.number(item.high),
            })}
          </li>
        ))}
        {[...notes].map(([text, note]) => (
          <li key={text}>{render(note)}</li>
        ))}
      </ul>
      <button type="button" onClick={() => void download()}>
        {t('ui.report.download')}
      </button>
      <span className="hint"> {t('ui.report.downloadHint')}</span>
    </div>
  );
}
