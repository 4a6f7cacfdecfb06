import { useTranslation } from 'react-i18next';
import { useStore } from '../store/useStore';
import { selectValueView } from '../store/valueSlice';
import { useFormats } from './format';
import { rfmSegmentColour } from './palette';
import { useRenderNode, useRich } from './richText';
import { useSegmentNames } from './segmentNames';
import { TableScroll } from './TableScroll';

/** Per named RFM segment or per cluster: customers, mean P(alive), purchases, CLV, share. */
export function ValueGroupsTable({ kind }: { kind: 'rfm' | 'cluster' }) {
  const { t } = useTranslation();
  const format = useFormats();
  const names = useSegmentNames();
  const render = useRenderNode();
  const rich = useRich();
  const view = useStore(selectValueView);
  const groups = useStore((s) => (kind === 'rfm' ? s.valueBySegment : s.valueByCluster));
  const scheme = useStore((s) => s.segmentMap.scheme);
  if (!view || !groups) return null;
  // Two decimals throughout, so that the columns line up.
  const fixed = (value: number | null) => format.fixedAmount(value, 2);
  const withClv = groups.spendProblem === null;
  const title = kind === 'rfm' ? t('ui.value.bySegment') : t('ui.value.byCluster');
  return (
    <TableScroll className="data-table value__groups" caption={title}>
      <thead>
        <tr>
          <th scope="col">
            {kind === 'rfm' ? t('ui.value.group.segment') : t('ui.value.group.cluster')}
          </th>
          <th scope="col" className="num">
            {t('ui.value.group.customers')}
          </th>
          <th scope="col" className="num">
            {t('ui.value.group.pAlive')}
          </th>
          <th scope="col" className="num">
            {t('ui.value.group.purchases')}
          </th>
          {withClv && (
            <>
              <th scope="col" className="num">
                {t('ui.value.group.clv')}
              </th>
              <th scope="col" className="num">
                {t('ui.value.group.share')}
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {groups.groups.map((row) => (
          <tr key={row.group}>
            <th scope="row" className="nowrap">
              {kind === 'rfm' ? (
                <span className="swatch-name">
                  <span
                    className="swatch"
                    style={{ background: rfmSegmentColour(row.group, scheme) }}
                    aria-hidden="true"
                  />
                  <span>{names.node(row.group)}</span>
                </span>
              ) : (
                rich('ui.value.clusterName', {
                  id: row.group,
                  label: <>{row.label && render(row.label)}</>,
                })
              )}
            </th>
            <td className="num">{format.count(row.customers)}</td>
            <td className="num">
              {row.meanPAlive === null ? '–' : format.percent(row.meanPAlive)}
            </td>
            <td className="num">{fixed(row.meanExpectedPurchases)}</td>
            {withClv && (
              <>
                <td className="num">{fixed(row.meanClv)}</td>
                <td className="num">
                  {row.shareOfValue === null ? '–' : format.percent(row.shareOfValue)}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </TableScroll>
  );
}
