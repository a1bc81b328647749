/** The managed list of themes for administrators: every theme, its names in each language, and a form to add one. */
import { localeNames, locales } from '../../../core/i18n/locales.js';
import type { FormState } from '../../../core/validation/forms.js';
import { Checkbox, ErrorSummary, Form, SubmitButton, TextField } from '../../../core/views/components/forms.js';
import { BackLink, DataTable, PageHeading, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { themeName, type Theme } from '../service.js';

const fieldOf = { en: 'nameEn', it: 'nameIt', et: 'nameEt', hu: 'nameHu', sv: 'nameSv' } as const;

function ThemeFields({ theme, state }: { theme?: Theme; state?: FormState }) {
  const { t } = useView();
  return (
    <>
      {locales.map((locale) => (
        <TextField
          key={locale}
          name={fieldOf[locale]}
          label={t('themes.form.name', { language: localeNames[locale] })}
          value={theme?.names[locale]}
          state={state}
          width="medium"
        />
      ))}
    </>
  );
}

export function ThemesPage({ themes, state }: { themes: Theme[]; state?: FormState }) {
  const { t, locale } = useView();
  return (
    <Layout title={t('themes.title')} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading>{t('themes.title')}</PageHeading>
      <p>{t('themes.intro')}</p>
      <DataTable
        caption={t('themes.caption')}
        head={
          <tr>
            <th scope="col">{t('themes.fields.name')}</th>
            <th scope="col">{t('themes.fields.code')}</th>
            <th scope="col">{t('themes.fields.status')}</th>
            <th scope="col">{t('common.actions.label')}</th>
          </tr>
        }
      >
        {themes.map((theme) => (
          <tr key={theme.code}>
            <th scope="row">{themeName(theme, locale)}</th>
            <td>
              <code>{theme.code}</code>
            </td>
            <td>{theme.retired ? <Tag tone="muted">{t('themes.retired')}</Tag> : <Tag tone="success">{t('themes.inUse')}</Tag>}</td>
            <td>
              <a href={`/admin/themes/${theme.code}/edit`}>
                {t('common.actions.edit')}
                <span class="visually-hidden"> {themeName(theme, locale)}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>{t('themes.add')}</h2>
      <Form action="/admin/themes">
        <ThemeFields state={state} />
        <SubmitButton>{t('themes.addSubmit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ThemeEditPage({ theme, state }: { theme: Theme; state?: FormState }) {
  const { t, locale } = useView();
  const title = t('themes.editTitle', { name: themeName(theme, locale) });
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/admin/themes">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <Form action={`/admin/themes/${theme.code}`}>
        <ThemeFields theme={theme} state={state} />
        <Checkbox name="retired" label={t('themes.form.retired')} hint={t('themes.form.retiredHint')} checked={theme.retired} state={state} />
        <SubmitButton>{t('common.actions.saveChanges')}</SubmitButton>
      </Form>
    </Layout>
  );
}
