/** Every programme the platform hosts. */
import { ButtonLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { textLanguage } from '../../../core/views/text-language.js';
import type { Programme } from '../../programmes/service.js';

export function ProgrammeListPage({ programmes }: { programmes: Programme[] }) {
  const { t, locale, formatDate, can } = useView();
  return (
    <Layout title={t('portal.programmes.title')}>
      <PageHeading>{t('portal.programmes.title')}</PageHeading>
      {programmes.length === 0 ? <p>{t('portal.home.noProgrammes')}</p> : null}
      <ul class="card-list">
        {programmes.map((programme) => (
          <li key={programme.id} class="card">
            <h2 class="card__title">
              <a href={`/programmes/${programme.id}`} lang={textLanguage(programme.textLanguage, locale)}>
                {programme.title}
              </a>
            </h2>
            <p class="card__meta">{t('portal.programme.periodValue', { start: formatDate(programme.startsOn), end: formatDate(programme.endsOn) })}</p>
            {programme.summary ? <p lang={textLanguage(programme.textLanguage, locale)}>{programme.summary}</p> : null}
          </li>
        ))}
      </ul>
      {can('programme.create') ? <ButtonLink href="/programmes/new">{t('portal.programmes.add')}</ButtonLink> : null}
    </Layout>
  );
}
