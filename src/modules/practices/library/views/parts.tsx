/** Small parts of the practice pages: highlighted matches, status tags, theme lists. */
import { Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { themeName, type Theme } from '../../../themes/service.js';
import type { PracticeStatus } from '../../tables.js';

/** Text with the search's matched words in <mark> (shared by every search page). */
export { Highlighted } from '../../../../core/views/components/Highlighted.js';

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
