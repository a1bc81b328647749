/** What changed between two versions of a plan, action by action and field by field. */
import { Form, SelectField } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import type { FieldChange, ItemChange, VersionDiff } from '../diff.js';
import type { Names } from '../document.js';
import type { Plan } from '../service.js';

function useValueText(names: Names) {
  const { t, formatNumber, formatDate } = useView();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (Array.isArray(value)) {
      if (value.length === 0) return '–';
      const map = field === 'practiceIds' ? names.practices : field === 'eventIds' ? names.events : field === 'transferIds' ? names.transfers : null;
      if (map) return value.map((id: number) => map.get(id) ?? `#${id}`).join('; ');
      if (field === 'players')
        return (value as { organisationId: number; role: string }[])
          .map((player) => `${names.organisations.get(player.organisationId) ?? `#${player.organisationId}`}${player.role ? ` – ${player.role}` : ''}`)
          .join('; ');
      if (field === 'funding')
        return (value as { source: string; amountEur: number }[]).map((line) => `${line.source}: EUR ${formatNumber(line.amountEur)}`).join('; ');
      if (field === 'milestones')
        return (value as { dueOn: string; title: string }[]).map((milestone) => `${formatDate(milestone.dueOn)}: ${milestone.title}`).join('; ');
    }
    if (field === 'costsEur' && typeof value === 'number') return `EUR ${formatNumber(value)}`;
    if (field === 'improvementType' && typeof value === 'string') return t(`plans.improvementTypes.${value}`);
    if (field === 'kind' && typeof value === 'string') return t(`plans.instrumentKinds.${value}`);
    if ((field === 'startsOn' || field === 'endsOn') && typeof value === 'string') return formatDate(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}

function Fields({ fields, names, labelOf }: { fields: FieldChange[]; names: Names; labelOf: (field: string) => string }) {
  const { t } = useView();
  const text = useValueText(names);
  if (fields.length === 0) return null;
  return (
    <dl class="change-list">
      {fields.map((change) => (
        <div key={change.field} class="change-list__row">
          <dt>{labelOf(change.field)}</dt>
          <dd>
            <p>
              {t('plans.compare.before')}: <del>{text(change.field, change.before)}</del>
            </p>
            <p>
              {t('plans.compare.after')}: <ins>{text(change.field, change.after)}</ins>
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Items({
  heading,
  items,
  names,
  labelOf,
  lang,
}: {
  heading: string;
  items: ItemChange[];
  names: Names;
  labelOf: (field: string) => string;
  lang: string | undefined;
}) {
  const { t } = useView();
  const shown = items.filter((item) => item.status !== 'unchanged');
  return (
    <section aria-label={heading}>
      <h2>{heading}</h2>
      {shown.length === 0 ? <p>{t('plans.compare.noChange')}</p> : null}
      <ul class="card-list">
        {shown.map((item) => (
          <li key={item.key} class="card">
            <h3 class="card__title">
              <span lang={lang}>{item.title}</span>{' '}
              <Tag tone={item.status === 'removed' ? 'warning' : item.status === 'added' ? 'success' : 'neutral'}>
                {t(`plans.compare.statuses.${item.status}`)}
              </Tag>
            </h3>
            {item.moved ? <p>{t('plans.compare.moved', { from: item.moved.from, to: item.moved.to })}</p> : null}
            <Fields fields={item.fields} names={names} labelOf={labelOf} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `missing` is a version asked for that the plan does not have: the page says so and offers the versions it has,
 * without comparing anything (`diff` is then null).
 */
export function ComparePage({
  plan,
  from,
  to,
  diff,
  names,
  missing,
}: {
  plan: Plan;
  from: number;
  to: number;
  diff: VersionDiff | null;
  names: Names;
  missing?: string;
}) {
  const { t, locale } = useView();
  const title = missing !== undefined ? t('plans.compare.missingTitle') : t('plans.compare.title', { from, to });
  const versions = plan.versions.map((version) => ({
    value: String(version.number),
    label: t('plans.page.versionLink', { number: version.number, status: t(`plans.statuses.${version.status}`) }),
  }));
  return (
    <Layout title={title}>
      <BackLink href={`/plans/${plan.id}`}>{t('common.actions.back')}</BackLink>
      <PageHeading caption={names.partner.name}>{title}</PageHeading>
      {missing !== undefined ? (
        <div class="notification notification--info" role="status">
          <p>{t('plans.compare.missing', { version: missing, count: plan.versions.length })}</p>
        </div>
      ) : null}
      <Form action={`/plans/${plan.id}/compare`} method="get" class="filters">
        <SelectField name="from" label={t('plans.compare.from')} value={String(from)} options={versions} />
        <SelectField name="to" label={t('plans.compare.to')} value={String(to)} options={versions} />
        <button type="submit" class="button button--secondary">
          {t('plans.compare.show')}
        </button>
      </Form>
      {diff && plan.versions.length === 1 ? <p>{t('plans.compare.onlyOne')}</p> : null}
      {diff && plan.versions.length > 1 ? (
        <Differences diff={diff} names={names} lang={textLanguage(plan.versions.find((version) => version.number === to)?.content.language, locale)} />
      ) : null}
    </Layout>
  );
}

/** `lang` marks the plan's item titles where the plan's language differs from the page's. */
function Differences({ diff, names, lang }: { diff: VersionDiff; names: Names; lang: string | undefined }) {
  const { t } = useView();
  const labelOf = (field: string) => t(`plans.fields.${field}`);
  return (
    <>
      {!diff.changed ? <p>{t('plans.compare.same')}</p> : null}
      {diff.contact.length ? (
        <section aria-label={t('plans.parts.part1')}>
          <h2>{t('plans.parts.part1')}</h2>
          <Fields fields={diff.contact} names={names} labelOf={(field) => t(`plans.compare.contact.${field}`)} />
        </section>
      ) : null}
      <Items heading={t('plans.parts.part2')} items={diff.instruments} names={names} labelOf={labelOf} lang={lang} />
      <Items heading={t('plans.parts.part3')} items={diff.actions} names={names} labelOf={labelOf} lang={lang} />
    </>
  );
}
