/** On a partner's page: its learning needs, each with the other partners' published practices that match it best. */
import { ButtonLink } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { themeName } from '../../../themes/service.js';
import type { Recommendation } from '../recommendations.js';

export function NeedsSection({ partnerId, recommendations, mayManage }: { partnerId: number; recommendations: Recommendation[]; mayManage: boolean }) {
  const { t, locale } = useView();
  return (
    <section aria-labelledby="learning-needs">
      <h2 id="learning-needs">{t('practices.needs.heading')}</h2>
      <p>{t('practices.needs.intro')}</p>
      {recommendations.length === 0 ? <p>{t('practices.needs.none')}</p> : null}
      <ul class="card-list">
        {recommendations.map(({ need, theme, practices }) => (
          <li key={need.id} class="card">
            <h3 class="card__title">{themeName(theme, locale)}</h3>
            <p>{need.description}</p>
            {practices.length === 0 ? (
              <p class="card__meta">{t('practices.needs.noMatch')}</p>
            ) : (
              <>
                <p class="card__meta">{t('practices.needs.recommended')}</p>
                <ol>
                  {practices.map((practice) => (
                    <li key={practice.id}>
                      <a href={`/practices/${practice.id}`}>{practice.title}</a> – {practice.ownerName}
                    </li>
                  ))}
                </ol>
              </>
            )}
            {mayManage ? (
              <ul class="inline-list">
                <li>
                  <a href={`/learning-needs/${need.id}/edit`}>
                    {t('common.actions.edit')}
                    <span class="visually-hidden"> {need.description}</span>
                  </a>
                </li>
                <li>
                  <a href={`/learning-needs/${need.id}/delete`}>
                    {t('common.actions.delete')}
                    <span class="visually-hidden"> {need.description}</span>
                  </a>
                </li>
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {mayManage ? (
        <ButtonLink href={`/partners/${partnerId}/learning-needs/new`} variant="secondary">
          {t('practices.needs.add')}
        </ButtonLink>
      ) : null}
    </section>
  );
}
