/**
 * The host's pages: who registered, with the event's mix by helix, role and region, the upload of a sign-in
 * sheet, the feedback in aggregate (with the practices participants would take home); and the check-in list, made for
 * a phone at the door. Only the host partner and the coordinator see them.
 */
import type { FormState } from '../../../../core/validation/forms.js';
import { oneFile } from '../../../../core/http/uploads.js';
import { ErrorSummary, FileField, Form, SubmitButton, TextField, UploadForm } from '../../../../core/views/components/forms.js';
import { BackLink, DataTable, PageHeading, Stat, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { FeedbackSummary } from '../../feedback/service.js';
import type { Event } from '../../hosting/service.js';
import type { Participant } from '../../registration/service.js';
import { signInSheetMaxMegabytes, type ParticipationMix, type SheetReport } from '../service.js';
import { Average, EventWhen } from '../../views/parts.js';

function MixTable({ caption, label, rows }: { caption: string; label: string; rows: { name: string; registered: number; attended: number }[] }) {
  const { t, formatNumber } = useView();
  return (
    <DataTable
      caption={caption}
      head={
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" class="numeric">
            {t('events.participants.registered')}
          </th>
          <th scope="col" class="numeric">
            {t('events.participants.attended')}
          </th>
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.name}>
          <th scope="row">{row.name}</th>
          <td class="numeric">{formatNumber(row.registered)}</td>
          <td class="numeric">{formatNumber(row.attended)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function FeedbackSection({ feedback }: { feedback: FeedbackSummary }) {
  const { t, formatNumber } = useView();
  return (
    <section aria-labelledby="feedback">
      <h2 id="feedback">{t('events.participants.feedback.heading')}</h2>
      {feedback.responses === 0 ? (
        <p>{t('events.participants.feedback.none')}</p>
      ) : (
        <>
          <ul class="stat-list">
            <Stat value={formatNumber(feedback.responses)}>{t('events.participants.feedback.responses', { count: feedback.responses })}</Stat>
            <Stat value={<Average value={feedback.averageSatisfaction} />}>{t('events.statistics.satisfaction')}</Stat>
            <Stat value={<Average value={feedback.averageUsefulness} />}>{t('events.participants.feedback.usefulness')}</Stat>
            <Stat value={formatNumber(feedback.capacityIncreased)}>{t('events.participants.feedback.capacityIncreased')}</Stat>
          </ul>
          {feedback.practicesOfInterest.length === 0 ? (
            <p>{t('events.participants.feedback.noPractices')}</p>
          ) : (
            <DataTable
              caption={t('events.participants.feedback.practicesCaption')}
              head={
                <tr>
                  <th scope="col">{t('events.participants.feedback.practice')}</th>
                  <th scope="col" class="numeric">
                    {t('events.participants.feedback.people')}
                  </th>
                </tr>
              }
            >
              {feedback.practicesOfInterest.map((practice) => (
                <tr key={practice.id}>
                  <th scope="row">
                    <a href={`/practices/${practice.id}`}>{practice.title}</a>
                  </th>
                  <td class="numeric">{formatNumber(practice.people)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

interface ParticipantsProps {
  event: Event;
  participants: Participant[];
  mix: ParticipationMix;
  feedback: FeedbackSummary;
  /** Each partner's region (its NUTS region's name), by partner id: where participants said they come from. */
  regionNames: Map<number, string>;
  /** The actor may cancel registrations (the host's editors and the coordinator). */
  mayCancel: boolean;
  sheet?: SheetReport | undefined;
  /** The sheet's upload as refused (no file, too large, not UTF-8), shown at its field. */
  sheetState?: FormState | undefined;
}

export function ParticipantsPage({ event, participants, mix, feedback, regionNames, mayCancel, sheet, sheetState }: ParticipantsProps) {
  const { t, formatNumber } = useView();
  const title = t('events.participants.title', { title: event.title });
  const rate = mix.registered ? Math.round((mix.attended / mix.registered) * 100) : null;
  const rows = (entries: Record<string, { registered: number; attended: number }>, name: (key: string) => string) =>
    Object.entries(entries)
      .map(([key, counts]) => ({ name: name(key), ...counts }))
      .sort((a, b) => b.registered - a.registered || a.name.localeCompare(b.name));
  const regionName = (key: string) => (key === '0' ? t('events.participants.otherRegion') : (regionNames.get(Number(key)) ?? key));
  return (
    <Layout title={title} hasErrors={Boolean(sheetState?.errors.length || sheet?.problems.length)}>
      <BackLink href={`/events/${event.id}`}>{t('common.actions.back')}</BackLink>
      {/* A refused file is shown at its field; a sheet read but not matching, line by line: either way nothing was recorded. */}
      <ErrorSummary state={sheetState} title={sheet?.problems.length ? t('events.sheet.refused') : undefined}>
        {sheet?.problems.length ? (
          <ul class="error-summary__list">
            {sheet.problems.map((problem) => (
              <li key={`${problem.line}-${problem.key}`}>
                {t('events.sheet.problemLine', { line: problem.line, problem: t(problem.key, problem.values ?? {}) })}
              </li>
            ))}
          </ul>
        ) : null}
      </ErrorSummary>
      <PageHeading caption={t('events.participants.caption')}>{event.title}</PageHeading>
      <p>
        <EventWhen event={event} />
      </p>
      <ul class="stat-list">
        <Stat value={formatNumber(mix.registered)}>{t('events.participants.registered')}</Stat>
        <Stat value={formatNumber(mix.waiting)}>{t('events.participants.waiting')}</Stat>
        <Stat value={formatNumber(mix.attended)}>{t('events.participants.attended')}</Stat>
        <Stat value={rate === null ? '–' : `${rate}%`}>{t('events.participants.rate')}</Stat>
      </ul>
      <p>
        <a href={`/events/${event.id}/attendance`}>{t('events.page.checkIn')}</a>
      </p>

      <h2>{t('events.participants.mixHeading')}</h2>
      <MixTable
        caption={t('events.participants.byHelix')}
        label={t('events.participants.helix')}
        rows={rows(mix.byHelix, (key) => t(`partners.helix.${key}`))}
      />
      <MixTable caption={t('events.participants.byRole')} label={t('events.participants.role')} rows={rows(mix.byRole, (key) => t(`events.roles.${key}`))} />
      <MixTable caption={t('events.participants.byRegion')} label={t('events.participants.region')} rows={rows(mix.byPartner, regionName)} />
      <p class="hint">{t('events.participants.regionNote')}</p>

      <FeedbackSection feedback={feedback} />

      <h2 id="people">{t('events.participants.listHeading')}</h2>
      {participants.length === 0 ? (
        <p>{t('events.participants.none')}</p>
      ) : (
        <DataTable
          caption={t('events.participants.listCaption')}
          head={
            <tr>
              <th scope="col">{t('events.manage.name')}</th>
              <th scope="col">{t('events.manage.email')}</th>
              <th scope="col">{t('events.participants.organisation')}</th>
              <th scope="col">{t('events.participants.role')}</th>
              <th scope="col">{t('events.participants.region')}</th>
              <th scope="col">{t('events.manage.status')}</th>
              <th scope="col">{t('events.participants.attended')}</th>
              {mayCancel ? <th scope="col">{t('events.participants.actions')}</th> : null}
            </tr>
          }
        >
          {participants.map((participant) => (
            <tr key={participant.id}>
              <th scope="row">{participant.name ?? t('events.participants.anonymised')}</th>
              <td>{participant.email ?? '–'}</td>
              <td>
                {participant.organisation ?? '–'} ({t(`partners.helix.${participant.helix}`)})
              </td>
              <td>{t(`events.roles.${participant.role}`)}</td>
              <td>{participant.partnerId === null ? t('events.participants.otherRegion') : regionNames.get(participant.partnerId)}</td>
              <td>{t(`events.statuses.${participant.status}`)}</td>
              <td>{participant.attended ? t('events.feedback.yes') : t('events.feedback.no')}</td>
              {mayCancel ? (
                <td>
                  {participant.status !== 'cancelled' && participant.name !== null ? (
                    <a href={`/events/${event.id}/participants/${participant.id}/cancellation`}>
                      {t('events.staffCancel.action')}
                      <span class="visually-hidden"> {participant.name}</span>
                    </a>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}

      <section aria-labelledby="sheet" class="panel">
        <h2 id="sheet">{t('events.sheet.heading')}</h2>
        <p>{t('events.sheet.intro')}</p>
        <UploadForm action={`/events/${event.id}/attendance/sheet`} submit={t('events.sheet.submit')}>
          <FileField
            name="sheet"
            label={t('events.sheet.file')}
            hint={t('events.sheet.fileHint')}
            state={sheetState}
            accept=".csv,text/csv"
            limits={oneFile(signInSheetMaxMegabytes)}
          />
        </UploadForm>
      </section>
    </Layout>
  );
}

export function CheckInPage({ event, participants, query }: { event: Event; participants: Participant[]; query: string }) {
  const { t } = useView();
  const title = t('events.checkIn.title', { title: event.title });
  const needle = query.toLowerCase();
  const shown = participants.filter(
    (participant) =>
      participant.status !== 'cancelled' &&
      participant.name !== null &&
      (needle === '' || `${participant.name} ${participant.organisation ?? ''}`.toLowerCase().includes(needle)),
  );
  const attended = participants.filter((participant) => participant.attended).length;
  return (
    <Layout title={title}>
      <BackLink href={`/events/${event.id}/participants`}>{t('common.actions.back')}</BackLink>
      <PageHeading caption={t('events.checkIn.caption')}>{event.title}</PageHeading>
      <p role="status">{t('events.checkIn.count', { attended, total: participants.filter((participant) => participant.status === 'registered').length })}</p>
      <Form action={`/events/${event.id}/attendance`} method="get">
        <TextField name="q" type="search" label={t('events.checkIn.find')} value={query} />
        <div class="button-group">
          <button type="submit" class="button button--secondary">
            {t('events.checkIn.findSubmit')}
          </button>
          {query !== '' ? <a href={`/events/${event.id}/attendance`}>{t('events.checkIn.clear')}</a> : null}
        </div>
      </Form>
      <ul class="check-in-list">
        {shown.map((participant) => (
          // tabindex: after checking someone in, the page comes back at their row (#registration-id) with focus on it.
          <li class="check-in-list__item" id={`registration-${participant.id}`} key={participant.id} tabindex={-1}>
            <div>
              <strong>{participant.name}</strong>
              <br />
              {participant.organisation ?? ''} {participant.status === 'waiting' ? <Tag tone="warning">{t('events.statuses.waiting')}</Tag> : null}
              {participant.attended ? <Tag tone="success">{t('events.checkIn.present')}</Tag> : null}
            </div>
            <Form action={`/events/${event.id}/attendance/${participant.id}`} label={participant.name ?? ''}>
              <input type="hidden" name="attended" value={participant.attended ? 'no' : 'yes'} />
              {query !== '' ? <input type="hidden" name="q" value={query} /> : null}
              <SubmitButton variant={participant.attended ? 'secondary' : 'primary'}>
                {participant.attended ? t('events.checkIn.undo') : t('events.checkIn.checkIn')}
                <span class="visually-hidden"> {participant.name}</span>
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      {shown.length === 0 ? <p>{t('events.checkIn.none')}</p> : null}
    </Layout>
  );
}
