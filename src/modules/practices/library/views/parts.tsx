/** Small parts of the practice pages: highlighted matches, status tags, theme lists. */
import { Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { themeName, type Theme } from '../../../themes/service.js';
import { highlightEnd, highlightStart } from '../search.js';
import type { PracticeStatus } from '../../tables.js';

/** Text with the search's matched words in <mark>; the text itself is escaped like any other. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${highlightStart}[^${highlightEnd}]*${highlightEnd})`));
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith(highlightStart) ? <mark key={index}>{part.slice(1, -1)}</mark> : part.replaceAll(highlightStart, '').replaceAll(highlightEnd, ''),
      )}
    </>
  );
}

const statusTone: Record<PracticeStatus, 'success' | 'warning' | 'neutral' | 'muted'> = {
  published: 'success',
  submitted: 'warning',
  returned: 'warning',
  draft: 'neutral',
  proposed: 'neutral',
  declined: 'muted',
};

export function StatusTag({ status }: { status: PracticeStatus }) {
  const { t } = useView();
  return <Tag tone={statusTone[status]}>{t(`practices.status.${status}`)}</Tag>;
}

export function ThemeList({ codes, themes }: { codes: string[]; themes: Theme[] }) {
  const { locale } = useView();
  const byCode = new Map(themes.map((theme) => [theme.code, theme]));
  return (
    <ul class="inline-list tag-list">
      {codes.map((code) => {
        const theme = byCode.get(code);
        return <li key={code}>{theme ? themeName(theme, locale) : code}</li>;
      })}
    </ul>
  );
}
