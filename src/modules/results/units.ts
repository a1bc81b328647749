/**
 * The units an indicator may be measured in, and the format each one allows: counts are whole numbers, money and hours
 * have two decimals, a percentage lies between 0 and 100, and points (a maturity change) between -100 and 100.
 */
export const units = ['count', 'people', 'organisations', 'solutions', 'events', 'eur', 'percent', 'points', 'hours'] as const;
export type Unit = (typeof units)[number];

export interface UnitFormat {
  decimals: 0 | 2;
  min: number;
  max: number;
}

const whole: UnitFormat = { decimals: 0, min: 0, max: 99_999_999_999 };
const amount: UnitFormat = { decimals: 2, min: 0, max: 99_999_999_999_999 };

export const unitFormats: Record<Unit, UnitFormat> = {
  count: whole,
  people: whole,
  organisations: whole,
  solutions: whole,
  events: whole,
  eur: amount,
  hours: amount,
  percent: { decimals: 2, min: 0, max: 100 },
  points: { decimals: 2, min: -100, max: 100 },
};

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (units as readonly string[]).includes(value);
}
