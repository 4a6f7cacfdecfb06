import { useTranslation } from 'react-i18next';
import type { ApplyView } from '../core/model/applyView';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { Data, useRenderNode, useRich } from './richText';
import { ColumnName } from './ColumnName';
import { TableScroll } from './TableScroll';

/** A saved analysis applied to a new file: the rows per segment, what was set aside, drift. */
export function AppliedView({ applied }: { applied: ApplyView }) {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const download = useStore((s) => s.downloadApplied);
  const downloadSetAside = useStore((s) => s.downloadAppliedSetAside);
  const restore = useStore((s) => s.restoreSaved);
  const setAside = applied.setAside.filter((row) => row.count > 0);
  const drift = applied.drift;
  // An RFM model scores customers made from order lines: what it sets aside are customers, and
  // what its download holds are the order lines left out.
  const rfm = applied.kind === 'rfm';
  return (
    <div className="model-applied">
      <h4>{rich('ui.model.applied', { file: <Data>{applied.file}</Data> })}</h4>
      <p>
        {applied.rfm !== null &&
          t('ui.model.orderLines', {
            read: applied.rfm.lines.read,
            used: applied.rfm.lines.used,
            left: applied.rfm.lines.read - applied.rfm.lines.used,
          }) + t('ui.common.sentenceGap')}
        {t(rfm ? 'ui.model.scoredRfm' : 'ui.model.scoredRows', {
          scored: applied.scored,
          read: applied.read,
        })}
      </p>
      <TableScroll className="data-table" caption={t('ui.model.sizes')}>
        <thead>
          <tr>
            <th scope="col">{t('ui.model.segment')}</th>
            <th scope="col" className="num">
              {t('ui.model.now')}
            </th>
            <th scope="col" className="num">
              {t('ui.model.shareNow')}
            </th>
            <th scope="col" className="num">
              {t('ui.model.saved')}
            </th>
            <th scope="col" className="num">
              {t('ui.model.shareSaved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {applied.segments.map((segment) => (
            <tr key={segment.id}>
              <th scope="row">
                {segment.id}:{' '}
                {segment.name !== null ? <Data>{segment.name}</Data> : render(segment.label)}
              </th>
              <td className="num">{format.count(segment.size)}</td>
              <td className="num">{format.percent(segment.share)}</td>
              <td className="num">{format.count(segment.savedSize)}</td>
              <td className="num">{format.percent(segment.savedShare)}</td>
            </tr>
          ))}
          {applied.noise !== null && (
            <tr>
              <th scope="row">{t('ui.model.noise')}</th>
              <td className="num">{format.count(applied.noise.now)}</td>
              <td className="num">–</td>
              <td className="num">{format.count(applied.noise.saved)}</td>
              <td className="num">–</td>
            </tr>
          )}
        </tbody>
      </TableScroll>
      {applied.rfm !== null && (
        <TableScroll className="data-table" caption={t('ui.model.named')}>
          <thead>
            <tr>
              <th scope="col">{t('ui.model.namedSegment')}</th>
              <th scope="col" className="num">
                {t('ui.model.now')}
              </th>
              <th scope="col" className="num">
                {t('ui.model.saved')}
              </th>
            </tr>
          </thead>
          <tbody>
            {applied.rfm.named.map((row, s) => (
              <tr key={s}>
                <th scope="row">
                  {typeof row.name === 'string' ? <Data>{row.name}</Data> : render(row.name)}
                </th>
                <td className="num">{format.count(row.size)}</td>
                <td className="num">{format.count(row.savedSize)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      {setAside.length === 0 ? (
        <p>{t(rfm ? 'ui.model.noneSetAsideRfm' : 'ui.model.noneSetAside')}</p>
      ) : (
        <TableScroll
          className="data-table"
          caption={t(rfm ? 'ui.model.setAsideRfm' : 'ui.model.setAside')}
        >
          <thead>
            <tr>
              <th scope="col">{t('ui.model.reason')}</th>
              <th scope="col" className="num">
                {t(rfm ? 'ui.model.customers' : 'ui.model.rows')}
              </th>
            </tr>
          </thead>
          <tbody>
            {setAside.map((row) => (
              <tr key={row.reason}>
                <th scope="row">{render(row.label)}</th>
                <td className="num">{format.count(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </TableScroll>
      )}
      <h4>{t('ui.model.notes')}</h4>
      {applied.notes.length === 0 ? (
        <p>{t('ui.model.noNotes')}</p>
      ) : (
        <ul className="model-applied__notes" role="list">
          {applied.notes.map((note, i) => (
            <li key={i}>{render(note)}</li>
          ))}
        </ul>
      )}
      {drift.length > 0 && (
        <details>
          <summary>{t('ui.model.drift')}</summary>
          <TableScroll className="data-table" caption={t('ui.model.drift')} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t('ui.model.feature')}</th>
                <th scope="col" className="num">
                  {t('ui.model.meanNow')}
                </th>
                <th scope="col" className="num">
                  {t('ui.model.meanSaved')}
                </th>
                <th scope="col" className="num">
                  {t('ui.model.shift')}
                </th>
                <th scope="col">{t('ui.model.drifted')}</th>
              </tr>
            </thead>
            <tbody>
              {drift.map((row) => (
                <tr key={row.feature}>
                  <th scope="row">
                    <ColumnName name={row.feature} />
                  </th>
                  <td className="num">
                    {Number.isFinite(row.mean) ? format.fixed(row.mean, 2) : '–'}
                  </td>
                  <td className="num">{format.fixed(row.savedMean, 2)}</td>
                  <td className="num">
                    {/* Two decimals, and no "-0.00" for a shift that rounds to nothing. */}
                    {row.shift === null
                      ? '–'
                      : format.fixed(Math.abs(row.shift) < 0.005 ? 0 : row.shift, 2)}
                  </td>
                  <td>{row.drifted ? t('ui.model.driftYes') : t('ui.model.driftNo')}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </details>
      )}
      <p>
        <button type="button" onClick={() => void restore()}>
          {t('ui.model.restore')}
        </button>{' '}
        <span className="hint">{t('ui.model.restoreHint')}</span>
      </p>
      <div className="export">
        <button type="button" className="primary" onClick={() => void download(null)}>
          {rfm ? t('ui.model.downloadScoredRfm') : t('ui.model.downloadScored')}
        </button>
        {applied.kind === 'rows' && (
          <span className="hint">
            {' '}
            {rich('ui.model.downloadScoredHint', {
              // The file's own column names, the same in every language.
              segment: <Data>segment</Data>,
              label: <Data>segment_label</Data>,
              reason: <Data>set_aside_reason</Data>,
            })}
          </span>
        )}
        {(applied.rfm !== null
          ? applied.rfm.lines.used < applied.rfm.lines.read
          : applied.read > applied.scored) && (
          <p>
            <button type="button" onClick={() => void downloadSetAside()}>
              {t(rfm ? 'ui.model.downloadLinesLeftOut' : 'ui.model.downloadSetAside')}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
