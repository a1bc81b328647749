/** The plans, a page of partners at a time: who has a plan, in which state, and a button to start one where the actor may. */
import { Form, SubmitButton } from '../../../../core/views/components/forms.js';
import { DataTable, PageHeading, Pagination, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { PlanSummary } from '../service.js';

export function PlanListPage({
  partners,
  plans,
  creatable,
  readable,
  page,
  pageCount,
}: {
  partners: { id: number; name: string }[];
  plans: PlanSummary[];
  creatable: number[];
  readable: number[];
  page: number;
  pageCount: number;
}) {
  const { t } = useView();
  const planOf = new Map(plans.map((plan) => [plan.partnerId, plan]));
  return (
    <Layout title={t('plans.list.title')}>
      <PageHeading>{t('plans.list.title')}</PageHeading>
      <p class="lead">{t('plans.list.intro')}</p>
      <p>
        <a href="/plans/overview">{t('plans.list.overview')}</a>
      </p>
      <DataTable
        caption={t('plans.list.caption')}
        head={
          <tr>
            <th scope="col">{t('plans.fields.partner')}</th>
            <th scope="col">{t('plans.list.endorsed')}</th>
            <th scope="col">{t('plans.list.inProgress')}</th>
          </tr>
        }
      >
        {partners.map((partner) => {
          const plan = planOf.get(partner.id);
          return (
            <tr key={partner.id}>
              <th scope="row">{plan && readable.includes(plan.id) ? <a href={`/plans/${plan.id}`}>{partner.name}</a> : partner.name}</th>
              <td>{plan?.endorsedNumber ? t('plans.list.version', { number: plan.endorsedNumber }) : '–'}</td>
              <td>
                {plan?.openStatus ? (
                  <Tag>{t(`plans.statuses.${plan.openStatus}`)}</Tag>
                ) : creatable.includes(partner.id) && !plan ? (
                  <Form action="/plans">
                    <input type="hidden" name="partnerId" value={String(partner.id)} />
                    <SubmitButton variant="secondary">
                      {t('plans.list.start')}
                      <span class="visually-hidden"> {partner.name}</span>
                    </SubmitButton>
                  </Form>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => `/plans?page=${target}`} />
    </Layout>
  );
}
