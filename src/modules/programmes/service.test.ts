import { describe, expect, it } from 'vitest';
import { semestersOf } from './service.js';

describe('semesters', () => {
  it('divides BETTER (August 2019 to July 2023) into eight six-month semesters, semester 1 starting on the start date', () => {
    const semesters = semestersOf({ startsOn: '2019-08-01', endsOn: '2023-07-31' });
    expect(semesters).toHaveLength(8);
    expect(semesters[0]).toEqual({ number: 1, startsOn: '2019-08-01', endsOn: '2020-01-31' });
    expect(semesters[5]).toEqual({ number: 6, startsOn: '2022-02-01', endsOn: '2022-07-31' });
    expect(semesters[7]).toEqual({ number: 8, startsOn: '2023-02-01', endsOn: '2023-07-31' });
  });

  it('ends the last semester with the programme when it stops mid-semester', () => {
    const semesters = semestersOf({ startsOn: '2020-01-31', endsOn: '2020-09-15' });
    expect(semesters).toEqual([
      { number: 1, startsOn: '2020-01-31', endsOn: '2020-07-30' },
      { number: 2, startsOn: '2020-07-31', endsOn: '2020-09-15' },
    ]);
  });
});
