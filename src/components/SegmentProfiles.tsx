import { useTranslation } from 'react-i18next';
import { selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { useFormats } from './format';
import { segmentColour, zBackground } from './palette';
import { useFeatureNames } from './featureNames';
import { Data, useRenderNode, useRich } from './richText';
import { ColumnName } from './ColumnName';
import { TableScroll } from './TableScroll';

/**
 * Each segment's size, share and feature means, each mean coloured by how far it lies from the
 * whole population (orange above, blue below) and stated in standard deviations too, so the
 * colour is never the only carrier of meaning.
 */
export function SegmentProfiles() {
  const { t } = useTranslation();
  const rich = useRich();
  const render = useRenderNode();
  const format = useFormats();
  const features = useFeatureNames();
  const kView = useStore(selectShownK);
  if (!kView) return null;
  const { segments, population } = kView.profiles;
  const categorical = [...new Set(segments.flatMap((s) => s.topCategories.map((c) => c.column)))];
  return (
    <>
      <TableScroll className="data-table profiles" caption={t('ui.profiles.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('ui.profiles.segment')}</th>
            <th scope="col" className="num">
              {t('ui.profiles.size')}
            </th>
            <th scope="col" className="num">
              {t('ui.profiles.share')}
            </th>
            {population.map((p) => (
              <th key={p.feature} scope="col" className="num">
                {features.node(p.feature)}
              </th>
            ))}
            {categorical.map((column) => (
              <th key={column} scope="col">
                {rich('ui.profiles.mostCommon', { column: <ColumnName name={column} /> })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {segments.map((segment) => (
            <tr key={segment.id}>
              <th scope="row">
                <span
                  className="swatch"
                  style={{ background: segmentColour(segment.id) }}
                  aria-hidden="true"
                />
                {segment.id < 0
                  ? t('ui.segments.noise')
                  : rich('ui.segments.named', {
                      id: segment.id,
                      label: <>{render(segment.label)}</>,
                    })}
              </th>
              <td className="num">{format.count(segment.size)}</td>
              <td className="num">{format.percent(segment.share)}</td>
              {segment.features.map((f) => (
                <td
                  key={f.feature}
                  className="num z-cell"
                  style={{ background: zBackground(f.z) }}
                  title={t('ui.profiles.median', { value: format.number(f.median) })}
                >
                  {format.number(f.mean)}
                  <span className="z">{format.z(f.z)}</span>
                </td>
              ))}
              {categorical.map((column) => {
                const top = segment.topCategories.find((c) => c.column === column);
                return (
                  <td key={column}>
                    {top
                      ? rich('ui.profiles.topCategory', {
                          value: <Data>{top.value}</Data>,
                          share: format.percent(top.share, 0),
                        })
                      : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ui.profiles.everyone')}</th>
            <td className="num">{format.count(segments.reduce((sum, s) => sum + s.size, 0))}</td>
            <td className="num">{format.percent(1, 0)}</td>
            {population.map((p) => (
              <td key={p.feature} className="num">
                {format.number(p.mean)}
              </td>
            ))}
            {categorical.map((column) => (
              <td key={column} />
            ))}
          </tr>
        </tfoot>
      </TableScroll>
      <p className="hint">{t('ui.profiles.hint')}</p>
    </>
  );
}
