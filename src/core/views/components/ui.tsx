/** Small presentational parts shared by every module's pages. */
import type { ComponentChildren } from 'preact';
import { useView } from '../context.js';

export function PageHeading({ children, caption }: { children: ComponentChildren; caption?: string | undefined }) {
  return (
    <div class="page-heading">
      {caption ? <p class="page-heading__caption">{caption}</p> : null}
      <h1 class="page-heading__title">{children}</h1>
    </div>
  );
}

export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a class="back-link" href={href}>
      {children}
    </a>
  );
}

export function ButtonLink({
  href,
  children,
  variant = 'primary',
}: {
  href: string;
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning';
}) {
  return (
    <a class={`button button--${variant}`} href={href}>
      {children}
    </a>
  );
}

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="summary-list">
      {rows.map((row) => (
        <div class="summary-list__row" key={row.key}>
          <dt class="summary-list__key">{row.key}</dt>
          <dd class="summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A table that scrolls sideways on narrow screens; the scroll region is focusable and named so keyboard users
 * can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, head, children }: { caption: string; head: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="table">
        <caption class="table__caption">{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One key figure of a `ul.stat-list`: the value large, what it counts after it. */
export function Stat({ value, children }: { value: ComponentChildren; children: ComponentChildren }) {
  return (
    <li class="stat-list__item">
      <span class="stat-list__value">{value}</span> {children}
    </li>
  );
}

export function Tag({ children, tone = 'neutral' }: { children: ComponentChildren; tone?: 'neutral' | 'success' | 'warning' | 'muted' }) {
  return <strong class={`tag tag--${tone}`}>{children}</strong>;
}

/** Previous/next links that keep the rest of the query string, so every page has a stable URL. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t } = useView();
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('common.pagination.label')}>
      <ul class="pagination__list">
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {t('common.pagination.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t('common.pagination.position', { page, pageCount })}</li>
        {page < pageCount ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {t('common.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function Inset({ children }: { children: ComponentChildren }) {
  return <div class="inset">{children}</div>;
}
