/** The page shell every page renders into: skip link, header, language switcher, main landmark, footer. */
import type { ComponentChildren } from 'preact';
import { localeNames, locales } from '../i18n/locales.js';
import { mayAttempt } from '../policy/policy.js';
import { SubmitButton } from './components/forms.js';
import { useView } from './context.js';
import type { NavigationItem } from './navigation.js';

export interface LayoutProps {
  title: string;
  children: ComponentChildren;
  /** Prefixes the title with "Error:" so screen reader users hear at once that the form was refused. */
  hasErrors?: boolean;
  /** Other formats of the page's content, announced in the head (feeds: type application/atom+xml or rss+xml). */
  alternates?: readonly { href: string; type: string; title: string }[];
}

function NavigationLinks({ items, label }: { items: NavigationItem[]; label: string }) {
  const { t, currentPath, navigationCounts } = useView();
  if (items.length === 0) return null;
  const text = (item: NavigationItem) => {
    const count = navigationCounts?.get(item.href) ?? 0;
    return item.count && count > 0 ? t(item.count.labelKey, { count }) : t(item.labelKey);
  };
  const currentItem = items
    .filter((item) => currentPath === item.href || (item.href !== '/' && currentPath.startsWith(`${item.href}/`)) || currentPath.startsWith(`${item.href}?`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav aria-label={label} class="site-nav">
      <ul class="site-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <a class="site-nav__link" href={item.href} aria-current={item === currentItem ? 'page' : undefined}>
              {text(item)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitcher() {
  const { t, locale, currentPath, languageNext } = useView();
  // A page answering a form (a POST) has no address of its own: its links lead to the form's kept copy (core/http/kept).
  const next = languageNext ?? currentPath;
  return (
    <nav aria-label={t('common.language.label')} class="language-switcher">
      <ul class="language-switcher__list">
        {locales.map((code) =>
          code === locale ? (
            <li key={code}>
              <span class="language-switcher__current" lang={code} aria-current="true">
                {localeNames[code]}
              </span>
            </li>
          ) : (
            <li key={code}>
              <a href={`/language/${code}?next=${encodeURIComponent(next)}`} lang={code} hreflang={code}>
                {localeNames[code]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/** A kept form this page was to show again but has no form for (it changed meanwhile): a way to it on its own page. */
function KeptUnplaced() {
  const { t, kept } = useView();
  if (!kept || kept.placed) return null;
  return (
    <div class="notification notification--info" role="status">
      <p>
        {t('common.kept.unplaced')} <a href={`/kept-forms/${kept.id}?show=fields`}>{t('common.kept.unplacedLink')}</a>
      </p>
    </div>
  );
}

function AccountArea() {
  const { t, actor } = useView();
  if (actor.kind !== 'user') {
    return (
      <div class="account-area">
        <a href="/sign-in">{t('common.account.signIn')}</a>
      </div>
    );
  }
  return (
    <div class="account-area">
      <a href="/account">{actor.displayName}</a>
      <form method="post" action="/sign-out" class="inline-form">
        <SubmitButton variant="link">{t('common.account.signOut')}</SubmitButton>
      </form>
    </div>
  );
}

export function Layout({ title, children, hasErrors = false, alternates = [] }: LayoutProps) {
  const { t, locale, actor, flash, demo, navigation } = useView();
  const visible = navigation.filter((item) => !item.action || mayAttempt(actor, item.action));
  const fullTitle = `${hasErrors ? `${t('common.errors.titlePrefix')} ` : ''}${title} – ${t('common.serviceName')}`;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/assets/styles.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {alternates.map((alternate) => (
          <link key={alternate.href} rel="alternate" type={alternate.type} href={alternate.href} title={alternate.title} />
        ))}
        <script type="module" src="/assets/app.js" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('common.skipLink')}
        </a>
        {demo ? (
          <p class="demo-banner">
            <strong>{t('common.demo.label')}</strong> {t('common.demo.notice')}
          </p>
        ) : null}
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-header__brand" href="/">
              {t('common.serviceName')}
            </a>
            <AccountArea />
          </div>
          <div class="container site-header__nav">
            <NavigationLinks items={visible.filter((item) => item.group !== 'admin')} label={t('common.navigation.main')} />
            <NavigationLinks items={visible.filter((item) => item.group === 'admin')} label={t('common.navigation.admin')} />
          </div>
        </header>
        <div class="container">
          <LanguageSwitcher />
        </div>
        <main id="main" class="container main" tabindex={-1}>
          {flash ? (
            <div class={`notification notification--${flash.kind}`} role="status">
              <p>{t(flash.key, flash.values)}</p>
            </div>
          ) : null}
          {children}
          <KeptUnplaced />
        </main>
        <footer class="site-footer">
          <div class="container">
            <ul class="site-footer__links">
              <li>
                <a href="/accessibility">{t('common.footer.accessibility')}</a>
              </li>
              <li>
                <a href="/privacy">{t('common.footer.privacy')}</a>
              </li>
              <li>
                <a href="/catalog.ttl">{t('common.footer.openData')}</a>
              </li>
            </ul>
            <p>{t('common.footer.licence')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
