/** The form kit as a person using a screen reader meets it: each field named, described by its hint and its error. */
import { within } from '@testing-library/dom';
import { JSDOM } from 'jsdom';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator, type Translate } from '../../i18n/i18n.js';
import type { FormState } from '../../validation/forms.js';
import { anonymous } from '../../policy/actor.js';
import { ConfirmPage } from '../ConfirmPage.js';
import { renderingWith, type ViewContext } from '../context.js';
import { Checkbox, CheckboxGroup, ErrorSummary, Field, FileField, RadioGroup, SelectField, TextArea, TextField, UploadForm } from './forms.js';
import { ImportProblemsTable } from './import-problems.js';

let t: Translate;
beforeAll(async () => {
  t = (await getTranslator()).translate('en');
});

function render(view: JSX.Element) {
  const context: ViewContext = {
    t,
    locale: 'en',
    actor: anonymous,
    currentPath: '/',
    csrfToken: () => 'the-token',
    formatDate: String,
    formatDateTime: String,
    formatNumber: String,
    formatEuros: String,
    can: () => false,
    flash: null,
    demo: false,
    navigation: [],
  };
  const { document } = new JSDOM(`<!doctype html>${renderingWith(context, () => renderToString(view))}`).window;
  return { document, screen: within(document.body) };
}

/** The texts an element's aria-describedby points at, in order. */
function descriptionOf(element: Element): string[] {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? `missing #${id}`);
}

const titleMissing = { values: { title: '' }, errors: [{ field: 'title', key: 'validation.invalid' }] };

describe('one field wrapper', () => {
  it('names each kind of field by its label and describes it by its hint, then its error', () => {
    const state = {
      values: {},
      errors: ['title', 'summary', 'kind', 'agree'].map((field) => ({ field, key: 'validation.invalid' })),
    };
    const { screen } = render(
      <>
        <TextField name="title" label="Title" hint="As people know it" state={state} />
        <TextArea name="summary" label="Summary" hint="Two sentences" state={state} />
        <SelectField name="kind" label="Kind" hint="The closest one" state={state} options={[{ value: 'a', label: 'A' }]} />
        <Checkbox name="agree" label="I agree" hint="You may withdraw" state={state} />
      </>,
    );
    const required = t('validation.invalid');
    for (const [label, hint] of [
      ['Title', 'As people know it'],
      ['Summary', 'Two sentences'],
      ['Kind', 'The closest one'],
      ['I agree', 'You may withdraw'],
    ] as const) {
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(field)).toEqual([hint, `Error: ${required}`]);
    }
  });

  it('leaves a valid field without error state, and one without a hint undescribed', () => {
    const { screen, document } = render(<TextField name="title" label="Title" value="Kept" />);
    const field = screen.getByLabelText('Title');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(field.hasAttribute('aria-describedby')).toBe(false);
    expect((field as HTMLInputElement).value).toBe('Kept');
    expect(document.querySelector('.field--error, .field-error')).toBeNull();
  });

  it('describes a group of radios or checkboxes on its fieldset, named by its legend', () => {
    const state = { values: {}, errors: [{ field: 'status', key: 'validation.invalid' }] };
    const options = [
      { value: 'open', label: 'Open' },
      { value: 'closed', label: 'Closed' },
    ];
    const { screen } = render(
      <>
        <RadioGroup name="status" legend="Status" hint="Choose one" state={state} options={options} />
        <CheckboxGroup name="tags" legend="Tags" options={options} values={['closed']} />
      </>,
    );
    const status = screen.getByRole('group', { name: 'Status' });
    expect(descriptionOf(status)).toEqual(['Choose one', `Error: ${t('validation.invalid')}`]);
    // The summary links to the field's id, which is the first option's.
    expect(within(status).getByLabelText('Open').id).toBe('field-status');
    expect(within(screen.getByRole('group', { name: 'Tags' })).getByLabelText<HTMLInputElement>('Closed').checked).toBe(true);
  });

  it('draws a field of a repeated row under the id it is given', () => {
    const { screen } = render(
      <Field id="field-amount-2" label="Amount, row 2">
        {(control) => <input class="input" {...control} name="amount" />}
      </Field>,
    );
    expect(screen.getByLabelText('Amount, row 2').id).toBe('field-amount-2');
  });
});

describe('one error summary', () => {
  it('lists every error as a link to its field, or to the anchor the form names for it', () => {
    const state = { values: {}, errors: [...titleMissing.errors, { field: 'fundingAmount', key: 'validation.invalid' }] };
    const { screen } = render(<ErrorSummary state={state} anchors={{ fundingAmount: 'field-fundingAmount-2' }} />);
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#field-title', '#field-fundingAmount-2']);
  });

  it('shows a refusal that belongs to no field, and nothing at all when there is no problem', () => {
    const refused = render(
      <ErrorSummary>
        <p>Nothing was written</p>
      </ErrorSummary>,
    );
    expect(refused.screen.getByRole('alert').textContent).toContain('Nothing was written');
    expect(render(<ErrorSummary state={{ values: {}, errors: [] }} />).document.body.textContent).toBe('');
  });
});

describe('file field and upload form', () => {
  it('states the limits the route enforces in the hint, one file or several', () => {
    const { screen } = render(
      <>
        <FileField name="sheet" label="Sheet" hint="In UTF-8." accept=".csv" limits={{ fileMegabytes: 2, files: 1, totalMegabytes: 2 }} />
        <FileField name="files" label="Evidence" hint="PDF." accept=".pdf" limits={{ fileMegabytes: 10, files: 10, totalMegabytes: 25 }} />
      </>,
    );
    const sheet = screen.getByLabelText('Sheet');
    expect(descriptionOf(sheet)).toEqual(['In UTF-8. Up to 2 MB.']);
    expect(sheet.hasAttribute('multiple')).toBe(false);
    const files = screen.getByLabelText('Evidence');
    expect(descriptionOf(files)).toEqual(['PDF. At most 10 files, up to 10 MB each and 25 MB together.']);
    expect(files.hasAttribute('multiple')).toBe(true);
  });

  it('shows every problem with the files chosen at the field, each describing it', () => {
    const state: FormState = {
      values: {},
      errors: [
        { field: 'files', key: 'common.uploads.file_too_large', values: { filename: 'a.pdf', megabytes: 10 } },
        { field: 'files', key: 'common.uploads.too_many_files', values: { count: 10 } },
      ],
    };
    const evidenceLimits = { fileMegabytes: 10, files: 10, totalMegabytes: 25 };
    const { screen } = render(<FileField name="files" label="Evidence" hint="PDF." accept=".pdf" limits={evidenceLimits} state={state} />);
    const field = screen.getByLabelText('Evidence');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field).slice(1)).toEqual(['Error: “a.pdf” is larger than 10 MB: choose a smaller file', 'Error: Choose at most 10 files']);
  });

  it('sends multipart with the CSRF token after the files', () => {
    const { document } = render(
      <UploadForm action="/imports" submit="Upload">
        <FileField name="file" label="File" hint="CSV." accept=".csv" limits={{ fileMegabytes: 5, files: 1, totalMegabytes: 5 }} />
      </UploadForm>,
    );
    const form = document.querySelector('form');
    expect(form?.getAttribute('enctype')).toBe('multipart/form-data');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.hasAttribute('novalidate')).toBe(true);
    const names = [...(form?.querySelectorAll('input') ?? [])].map((input) => input.name);
    expect(names).toEqual(['file', '_csrf']);
    expect(document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value).toBe('the-token');
  });
});

describe('import problems table', () => {
  const problems = [
    { position: 3, column: 'email', key: 'validation.invalid' },
    { position: 7, column: '', key: 'validation.invalid' },
  ];

  it('names rows by line in a CSV file and by item in a JSON file, with the column and the message', () => {
    const csv = render(<ImportProblemsTable format="csv" problems={problems} total={2} caption="Problems" more="practices.import.report.moreProblems" />);
    const table = csv.screen.getByRole('table', { name: 'Problems' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Line', 'Column', 'Problem']);
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [...row.children].map((cell) => cell.textContent)),
    ).toEqual([
      ['3', 'email', t('validation.invalid')],
      ['7', '', t('validation.invalid')],
    ]);
    const json = render(<ImportProblemsTable format="json" problems={problems} total={2} caption="Problems" more="practices.import.report.moreProblems" />);
    expect(json.screen.getAllByRole('columnheader')[0]?.textContent).toBe('Item');
  });

  it('says how many were left out, and shows nothing when there is no problem', () => {
    const many = render(<ImportProblemsTable format="csv" problems={problems} total={40} caption="Problems" more="practices.import.report.moreProblems" />);
    expect(many.document.body.textContent).toContain('The first 2 of 40 problems are listed.');
    const none = render(<ImportProblemsTable format="csv" problems={[]} total={0} caption="Problems" more="practices.import.report.moreProblems" />);
    expect(none.document.querySelector('table')).toBeNull();
  });
});

describe('confirm page', () => {
  it('asks with a warning button posting to the action and a way back, and shows a refusal in the summary', () => {
    const asked = render(<ConfirmPage title="Delete the event?" action="/events/1/delete" confirmLabel="Delete event" cancelHref="/events/1" />);
    expect(asked.screen.getByRole('button', { name: 'Delete event' }).closest('form')?.getAttribute('action')).toBe('/events/1/delete');
    expect(asked.screen.getByRole('link', { name: 'Cancel' }).getAttribute('href')).toBe('/events/1');
    expect(asked.screen.queryByRole('alert')).toBeNull();
    const question = { title: 'Delete the event?', action: '/events/1/delete', confirmLabel: 'Delete event', cancelHref: '/events/1' };
    const refused = render(<ConfirmPage {...question} refusal="People are registered" />);
    expect(refused.screen.getByRole('alert').textContent).toContain('People are registered');
    expect(refused.document.title).toBe('Error: Delete the event? – BETTER');
  });
});
