/** Pieces several event pages share: when an event takes place, and what kind of event it is. */
import { Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import type { EventSummary } from '../hosting/service.js';
import { formatEventTime } from '../time.js';

/** The event's time in its own zone (with the zone's name), as a <time> element machines can read too. */
export function EventWhen({ event }: { event: Pick<EventSummary, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const { locale } = useView();
  return <time datetime={event.startsAt.toISOString()}>{formatEventTime(event.startsAt, event.endsAt, event.timeZone, locale)}</time>;
}

/** Places left, full with a waiting list, or unlimited. */
export function Places({ event }: { event: Pick<EventSummary, 'capacity' | 'registered' | 'waiting'> }) {
  const { t, formatNumber } = useView();
  if (event.capacity === null) return <>{t('events.places.unlimited', { registered: formatNumber(event.registered) })}</>;
  const left = event.capacity - event.registered;
  return left > 0 ? (
    <>{t('events.places.left', { count: left, formatted: formatNumber(left), capacity: formatNumber(event.capacity) })}</>
  ) : (
    <Tag tone="warning">{t('events.places.full', { waiting: formatNumber(event.waiting) })}</Tag>
  );
}

const oneDecimal = new Map<string, Intl.NumberFormat>();

/** An average on the 1–5 feedback scale to one decimal, always shown ("4,0" in Italian, "4.0" in English); a dash before any answer. */
export function Average({ value }: { value: number | null }) {
  const { locale } = useView();
  if (value === null) return <>–</>;
  let format = oneDecimal.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    oneDecimal.set(locale, format);
  }
  return <>{format.format(value)}</>;
}
