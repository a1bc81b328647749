/** "Your work is safe": what happened to a form that could not be saved, and the way back to it (core/http/kept.tsx). */
import { Field, Form, SubmitButton, UploadForm, fieldId } from '../views/components/forms.js';
import { PageHeading } from '../views/components/ui.js';
import { useView, type KeptView } from '../views/context.js';
import { Layout } from '../views/Layout.js';
import type { KeptFile, KeptReason } from './kept-tables.js';

function kilobytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024));
}

function FileList({ files }: { files: { filename: string; sizeBytes: number }[] }) {
  const { t, formatNumber } = useView();
  if (files.length === 0) return null;
  return (
    <>
      <p>{t('common.kept.filesKept')}</p>
      <ul class="list">
        {files.map((file, index) => (
          <li key={index}>{t('common.kept.file', { filename: file.filename, size: formatNumber(kilobytes(file.sizeBytes)) })}</li>
        ))}
      </ul>
    </>
  );
}

export function KeptWorkPage({ id, reason, signIn, files }: { id: string; reason: KeptReason; signIn: boolean; files: KeptFile[] }) {
  const { t } = useView();
  const back = `/kept-forms/${id}`;
  return (
    <Layout title={t('common.kept.title')}>
      <PageHeading>{t('common.kept.title')}</PageHeading>
      <p>{t(reason === 'signed_out' ? 'common.kept.signedOut' : 'common.kept.staleToken')}</p>
      <p>{t('common.kept.nothingSaved', { hours: 24 })}</p>
      <FileList files={files} />
      <p>
        {signIn ? (
          <a class="button button--primary" href={`/sign-in?next=${encodeURIComponent(back)}`}>
            {t('common.kept.signIn')}
          </a>
        ) : (
          <a class="button button--primary" href={back}>
            {t('common.kept.continue')}
          </a>
        )}
      </p>
    </Layout>
  );
}

const localeSuffix = /[_-](en|it|et|hu|sv)$/;

/**
 * A field's name made readable for the page that shows a kept form on its own (`workDone` → "Work done", `title_it` →
 * "Title (it)"): the form's own labels were on the page that had it, which is not known here.
 */
export function readableName(name: string): string {
  const locale = localeSuffix.exec(name)?.[1];
  const words = name
    .replace(localeSuffix, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toLowerCase();
  if (!words) return name;
  const readable = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return locale ? `${readable} (${locale})` : readable;
}

/**
 * The kept form on its own page, when the page that had it is unknown or has it no more: every field as typed, sent
 * to the form's own address with a fresh token by "Save now"; the form's route checks it as ever.
 */
export function KeptFieldsPage({ kept }: { kept: KeptView & { files: KeptFile[] } }) {
  const { t } = useView();
  const keptFiles = kept.files.filter((file) => file.id);
  const fields = Object.entries(kept.state.values);
  const body = (
    <>
      {fields.map(([name, value]) =>
        Array.isArray(value) ? (
          value.map((item, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={item} />)
        ) : (
          <Field key={name} id={fieldId(name)} label={readableName(name)}>
            {(control) => (
              <textarea class="textarea" {...control} name={name} rows={value.length > 80 ? 6 : 2}>
                {value}
              </textarea>
            )}
          </Field>
        ),
      )}
      {keptFiles.map((file) => (
        <input key={file.id} type="hidden" name="_kept_upload" value={file.id} />
      ))}
    </>
  );
  return (
    <Layout title={t('common.kept.fieldsTitle')}>
      <PageHeading>{t('common.kept.fieldsTitle')}</PageHeading>
      <p>{t('common.kept.fieldsIntro')}</p>
      <FileList files={keptFiles} />
      {keptFiles.length ? (
        <UploadForm action={kept.action} submit={t('common.kept.saveNow')}>
          {body}
        </UploadForm>
      ) : (
        <Form action={kept.action}>
          {body}
          <SubmitButton>{t('common.kept.saveNow')}</SubmitButton>
        </Form>
      )}
    </Layout>
  );
}
