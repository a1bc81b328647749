/**
 * Participation statistics: key figures, then each chart as an image with a text alternative, its data as a table
 * and a CSV download, for the programme or for the events one partner hosted.
 */
import { Form, SelectField } from '../../../../core/views/components/forms.js';
import { DataTable, PageHeading, Stat } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { ParticipationStatistics } from '../service.js';
import type { Table } from '../chart-tables.js';
import { Average } from '../../views/parts.js';

interface Props {
  statistics: ParticipationStatistics;
  tables: Table[];
  partners: { id: number; name: string }[];
  partnerId: number | undefined;
  programmeTitle: string;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function StatisticsPage({ statistics, tables, partners, partnerId, programmeTitle }: Props) {
  const { t, formatNumber } = useView();
  const scope = partnerId === undefined ? '' : `?partner=${partnerId}`;
  const subject = partnerId === undefined ? programmeTitle : (partners.find((partner) => partner.id === partnerId)?.name ?? programmeTitle);
  const { totals } = statistics;
  return (
    <Layout title={t('events.statistics.title')}>
      <PageHeading caption={subject}>{t('events.statistics.title')}</PageHeading>
      <p class="lead">{t('events.statistics.intro')}</p>
      <Form action="/events/statistics" method="get" class="filters" label={t('events.statistics.scope')}>
        <SelectField
          name="partner"
          label={t('events.statistics.scope')}
          value={partnerId === undefined ? '' : String(partnerId)}
          placeholder={t('events.statistics.wholeProgramme')}
          options={partners.map((partner) => ({ value: String(partner.id), label: t('events.statistics.hostedBy', { partner: partner.name }) }))}
        />
        <button type="submit" class="button button--secondary">
          {t('events.statistics.show')}
        </button>
      </Form>
      <ul class="stat-list" aria-label={t('events.statistics.keyFigures')}>
        <Stat value={formatNumber(totals.eventsHeld)}>{t('events.statistics.eventsHeld')}</Stat>
        <Stat value={formatNumber(totals.registered)}>{t('events.participants.registered')}</Stat>
        <Stat value={formatNumber(totals.attended)}>
          {t('events.participants.attended')} ({percent(totals.attendanceRate)})
        </Stat>
        <Stat value={percent(totals.decisionMakerShare)}>{t('events.statistics.decisionMakers')}</Stat>
        <Stat value={formatNumber(totals.capacityIncreased)}>{t('events.statistics.capacityIncreased', { feedback: formatNumber(totals.feedback) })}</Stat>
        <Stat value={<Average value={totals.averageSatisfaction} />}>{t('events.statistics.satisfaction')}</Stat>
      </ul>
      {tables.map((table) => (
        <section key={table.name} aria-labelledby={`chart-${table.name}`} class="chart-section">
          <h2 id={`chart-${table.name}`}>{table.title}</h2>
          {table.rows.length === 0 ? (
            <p>{t('events.statistics.noData')}</p>
          ) : (
            <>
              <figure class="chart">
                <img
                  src={`/events/statistics/${table.name}.svg${scope}`}
                  alt={t('events.statistics.chartAlt', { title: table.title })}
                  width={720}
                  height={360}
                />
              </figure>
              <DataTable
                caption={t('events.statistics.dataOf', { title: table.title })}
                head={
                  <tr>
                    {table.columns.map((column, index) => (
                      <th scope="col" class={index === 0 ? undefined : 'numeric'} key={column}>
                        {column}
                      </th>
                    ))}
                  </tr>
                }
              >
                {table.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {row.values.map((value, index) => (
                      <td class="numeric" key={index}>
                        {formatNumber(value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </DataTable>
              <p>
                <a href={`/events/statistics/${table.name}.csv${scope}`} download>
                  {t('events.statistics.csv', { title: table.title })}
                </a>
              </p>
            </>
          )}
        </section>
      ))}
    </Layout>
  );
}
