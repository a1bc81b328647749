/** A plan laid out for printing or saving as PDF, from the same outline as the Word export. */
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import type { PlanDocument } from '../document.js';

/** A text of the document with the part the partner wrote marked with the plan's language (WCAG 3.1.2). */
function Marked({ text, written, lang }: { text: string; written: string | undefined; lang: string | undefined }) {
  const at = lang && written ? text.indexOf(written) : -1;
  if (at < 0 || !written) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span lang={lang}>{written}</span>
      {text.slice(at + written.length)}
    </>
  );
}

/** The plan as a document to print or save as PDF: the same outline as the Word export, without the site around it. */
export function PrintPage({ outline, planId }: { outline: PlanDocument; planId: number }) {
  const { t, locale } = useView();
  // The partner's texts are marked with the plan's language where it differs from the page's, as on the plan's page.
  const lang = textLanguage(outline.textLanguage, locale);
  return (
    <Layout title={outline.title}>
      <article class="print-document">
        <p class="no-print">
          <a href={`/plans/${planId}`}>{t('common.actions.back')}</a> · {t('plans.print.hint')}
        </p>
        <h1>{outline.title}</h1>
        <p>{outline.subtitle}</p>
        {outline.parts.map((part) => (
          <section key={part.heading}>
            <h2>{part.heading}</h2>
            {part.sections.map((section, index) => (
              <section key={index} class="print-document__section">
                {section.heading ? (
                  <h3>
                    <Marked text={section.heading} written={section.headingWritten} lang={lang} />
                  </h3>
                ) : null}
                <dl class="summary-list">
                  {section.rows.map((row) => (
                    <div class="summary-list__row" key={row.label}>
                      <dt class="summary-list__key">{row.label}</dt>
                      <dd class="summary-list__value prose">{row.value ? <Marked text={row.value} written={row.written} lang={lang} /> : '–'}</dd>
                    </div>
                  ))}
                </dl>
                {section.table ? (
                  <table class="table">
                    <caption>{section.table.heading}</caption>
                    <thead>
                      <tr>
                        {section.table.columns.map((column) => (
                          <th scope="col" key={column}>
                            {column}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {section.table.rows.map((row, rowIndex) => (
                        <tr key={rowIndex}>
                          {row.map((value, cellIndex) => (
                            <td key={cellIndex} lang={cellIndex === section.table?.writtenColumn ? lang : undefined}>
                              {value}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </section>
            ))}
          </section>
        ))}
      </article>
    </Layout>
  );
}
