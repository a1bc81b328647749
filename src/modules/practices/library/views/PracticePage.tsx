/** One good practice as the Interreg Europe template lays it out, with its workflow, transfers and similar practices. */
import type { ComponentChildren } from 'preact';
import { countryName } from '../../../../core/i18n/countries.js';
import { localeNames } from '../../../../core/i18n/locales.js';
import { Form, SelectField, SubmitButton, TextArea, type Option } from '../../../../core/views/components/forms.js';
import { ButtonLink, DataTable, Inset, PageHeading, SummaryList, type SummaryRow } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import { Layout } from '../../../../core/views/Layout.js';
import { FollowButton } from '../../../notifications/service.js';
import type { Organisation, PartnerSummary } from '../../../partners/service.js';
import type { Theme } from '../../../themes/service.js';
import type { TransferSummary } from '../../transfers/service.js';
import type { HistoryEntry, Practice } from '../service.js';
import { StatusTag, ThemeList } from './parts.js';

/** Paragraphs from text typed with blank lines between them; single line breaks are kept as breaks. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <p key={index} class="prose">
            {paragraph}
          </p>
        ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export interface PracticeActions {
  edit: boolean;
  submit: boolean;
  review: boolean;
  decideProposal: boolean;
  delete: boolean;
  /** Partners the actor may register an interest for (editors of other partners, the coordinator). */
  interestPartners: Option[];
  seeTransfers: boolean;
}

interface Props {
  practice: Practice;
  owner: PartnerSummary | undefined;
  organisation: Organisation | undefined;
  partners: PartnerSummary[];
  themes: Theme[];
  history: HistoryEntry[];
  transfers: TransferSummary[];
  similar: { id: number; title: string; ownerPartnerId: number }[];
  actions: PracticeActions;
  /** Whether the signed-in person follows the published practice; undefined shows no follow button. */
  following?: boolean | undefined;
}

export function PracticePage({ practice, owner, organisation, partners, themes, history, transfers, similar, actions, following }: Props) {
  const { t, locale, formatDate, formatDateTime, formatNumber, actor } = useView();
  const partnerName = new Map(partners.map((partner) => [partner.id, partner.name]));
  const translation = practice.language !== locale ? practice.translations[locale] : undefined;
  const title = translation?.title ?? practice.title;
  const summary = translation?.summary ?? practice.summary;
  const location = [
    practice.locationCity,
    practice.locationNuts ? `NUTS ${practice.locationNuts}` : null,
    practice.locationCountry ? countryName(locale, practice.locationCountry) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const rows: SummaryRow[] = [
    {
      key: t('practices.fields.owner'),
      value: (
        <>
          {owner ? <a href={`/partners/${owner.id}`}>{owner.name}</a> : null}
          {organisation ? ` – ${organisation.name}` : null}
        </>
      ),
    },
  ];
  if (location) rows.push({ key: t('practices.fields.location'), value: location });
  if (practice.themes.length) rows.push({ key: t('practices.fields.themes'), value: <ThemeList codes={practice.themes} themes={themes} /> });
  if (practice.keywords.length) rows.push({ key: t('practices.fields.keywords'), value: practice.keywords.join(', ') });
  if (practice.geographicalScope) rows.push({ key: t('practices.fields.geographicalScope'), value: t(`practices.scope.${practice.geographicalScope}`) });
  if (practice.startsOn || practice.endsOn) {
    rows.push({
      key: t('practices.fields.timescale'),
      value: practice.endsOn
        ? t('practices.page.period', { start: practice.startsOn ? formatDate(practice.startsOn) : '…', end: formatDate(practice.endsOn) })
        : t('practices.page.since', { start: formatDate(practice.startsOn as string) }),
    });
  }
  if (practice.resources || practice.resourcesEur !== null) {
    rows.push({
      key: t('practices.fields.resources'),
      value: (
        <>
          {practice.resourcesEur !== null ? <strong>{t('practices.page.euros', { amount: formatNumber(practice.resourcesEur) })}</strong> : null}
          {practice.resources ? <Paragraphs text={practice.resources} /> : null}
        </>
      ),
    });
  }
  rows.push({ key: t('practices.fields.language'), value: localeNames[practice.language] });

  return (
    <Layout title={title}>
      <PageHeading caption={t('practices.page.caption')}>
        <span lang={textLanguage(translation?.title ? locale : practice.language, locale)}>{title}</span>
      </PageHeading>
      {following !== undefined ? <FollowButton type="practice" id={practice.id} following={following} /> : null}
      {practice.status !== 'published' ? (
        <p>
          <StatusTag status={practice.status} />
        </p>
      ) : null}
      {translation ? (
        <Inset>
          <p>{t('practices.page.translated', { language: localeNames[locale], original: localeNames[practice.language] })}</p>
        </Inset>
      ) : null}
      <p class="lead" lang={textLanguage(translation?.summary ? locale : practice.language, locale)}>
        {summary}
      </p>

      {actions.edit || actions.submit || actions.review || actions.decideProposal || actions.delete ? (
        <div class="button-group">
          {actions.edit ? (
            <ButtonLink href={`/practices/${practice.id}/edit`} variant="secondary">
              {t('practices.page.edit')}
            </ButtonLink>
          ) : null}
          {actions.submit ? (
            <Form action={`/practices/${practice.id}/submission`}>
              <SubmitButton>{t('practices.page.submit')}</SubmitButton>
            </Form>
          ) : null}
          {actions.review ? (
            <ButtonLink href={`/practices/${practice.id}/review`} variant={practice.status === 'published' ? 'secondary' : 'primary'}>
              {practice.status === 'published' ? t('practices.page.unpublish') : t('practices.page.review')}
            </ButtonLink>
          ) : null}
          {actions.decideProposal ? <ButtonLink href={`/practices/${practice.id}/proposal`}>{t('practices.page.decideProposal')}</ButtonLink> : null}
          {actions.delete ? (
            <ButtonLink href={`/practices/${practice.id}/delete`} variant="warning">
              {t('practices.page.delete')}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}

      <SummaryList rows={rows} />

      <div lang={textLanguage(practice.language, locale)}>
        {practice.objective ? (
          <Section id="objective" title={t('practices.fields.objective')}>
            <Paragraphs text={practice.objective} />
          </Section>
        ) : null}
        {practice.description ? (
          <Section id="description" title={t('practices.fields.description')}>
            <Paragraphs text={practice.description} />
          </Section>
        ) : null}
        {practice.evidence ? (
          <Section id="evidence" title={t('practices.fields.evidence')}>
            <Paragraphs text={practice.evidence} />
          </Section>
        ) : null}
        {practice.transferPotential ? (
          <Section id="transfer-potential" title={t('practices.fields.transferPotential')}>
            <Paragraphs text={practice.transferPotential} />
          </Section>
        ) : null}
        {practice.difficulties ? (
          <Section id="difficulties" title={t('practices.fields.difficulties')}>
            <Paragraphs text={practice.difficulties} />
          </Section>
        ) : null}
      </div>

      {practice.links.length ? (
        <Section id="links" title={t('practices.fields.links')}>
          <ul>
            {practice.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="contact" title={t('practices.fields.contact')}>
        {actor.kind === 'user' ? (
          practice.contactName || practice.contactEmail ? (
            <p>
              {practice.contactName}
              {practice.contactName && practice.contactEmail ? ', ' : ''}
              {practice.contactEmail ? <a href={`mailto:${practice.contactEmail}`}>{practice.contactEmail}</a> : null}
            </p>
          ) : (
            <p>{t('practices.page.noContact')}</p>
          )
        ) : (
          <p>
            <a href={`/sign-in?next=${encodeURIComponent(`/practices/${practice.id}`)}`}>{t('practices.page.signInForContact')}</a>
          </p>
        )}
      </Section>

      {practice.status === 'published' ? (
        <Section id="transfers" title={t('practices.page.transfers')}>
          {transfers.length === 0 ? <p>{t('practices.page.noTransfers')}</p> : null}
          {transfers.length > 0 ? (
            <ul>
              {transfers.map((transfer) => (
                <li key={transfer.id}>
                  {actions.seeTransfers ? <a href={`/transfers/${transfer.id}`}>{partnerName.get(transfer.partnerId)}</a> : partnerName.get(transfer.partnerId)}
                  : {t(`practices.transfers.stages.${transfer.stage}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {actions.interestPartners.length > 0 ? (
            <Form action={`/practices/${practice.id}/transfers`} class="panel">
              <h3>{t('practices.transfers.interest.title')}</h3>
              <p>{t('practices.transfers.interest.intro')}</p>
              <SelectField
                name="importerPartnerId"
                label={t('practices.transfers.form.importerPartnerId.label')}
                options={actions.interestPartners}
                value={actions.interestPartners[0]?.value}
              />
              <TextArea name="notes" label={t('practices.transfers.form.notes.label')} rows={3} />
              <SubmitButton variant="secondary">{t('practices.transfers.interest.submit')}</SubmitButton>
            </Form>
          ) : null}
        </Section>
      ) : null}

      {similar.length > 0 ? (
        <Section id="similar" title={t('practices.page.similar')}>
          <ul>
            {similar.map((entry) => (
              <li key={entry.id}>
                <a href={`/practices/${entry.id}`}>{entry.title}</a> – {partnerName.get(entry.ownerPartnerId)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {history.length > 0 ? (
        <Section id="history" title={t('practices.page.history')}>
          <DataTable
            caption={t('practices.page.historyCaption')}
            head={
              <tr>
                <th scope="col">{t('practices.page.historyWhen')}</th>
                <th scope="col">{t('practices.page.historyChange')}</th>
                <th scope="col">{t('practices.page.historyWho')}</th>
                <th scope="col">{t('practices.page.historyComment')}</th>
              </tr>
            }
          >
            {history.map((entry, index) => (
              <tr key={index}>
                <td>{formatDateTime(entry.occurredAt)}</td>
                <td>{entry.from ? `${t(`practices.status.${entry.from}`)} → ${t(`practices.status.${entry.to}`)}` : t(`practices.status.${entry.to}`)}</td>
                <td>{entry.actorLabel}</td>
                <td>{entry.comment}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
    </Layout>
  );
}
