/** The scoring method on a hand-computed case, and framework files checked with every problem listed. */
import { describe, expect, it } from 'vitest';
import { locales } from '../../../core/i18n/locales.js';
import { defaultFramework } from './default-framework.js';
import { checkFramework, parseFrameworkJson, questionsOf, scoreRound, type Framework } from './framework.js';

const texts = (en: string) => ({ en });
const small: Framework = {
  name: texts('Hand case'),
  scale: [0, 1, 2, 3, 4].map((level) => ({ level, label: texts(`L${level}`), description: texts(`Level ${level}`) })),
  dimensions: [
    {
      key: 'a',
      name: texts('A'),
      themes: ['open-data'],
      questions: [
        { key: 'a1', text: texts('A1'), weight: 2 },
        { key: 'a2', text: texts('A2'), weight: 1 },
      ],
    },
    { key: 'b', name: texts('B'), themes: [], questions: [{ key: 'b1', text: texts('B1'), weight: 1 }] },
    { key: 'c', name: texts('C'), themes: [], questions: [{ key: 'c1', text: texts('C1'), weight: 1 }] },
  ],
};

describe('the maturity score', () => {
  it('weights question scores within a dimension and averages dimensions plainly, leaving out what nobody answered', () => {
    const scores = scoreRound(small, {
      levels: new Map([
        ['a1', [2, 4]], // mean 3 → 75
        ['a2', [1]], // 25
        ['b1', [4, 4, 0]], // mean 8/3 → 66.67
      ]),
    });
    expect(scores.dimensions[0]?.score).toBeCloseTo((2 * 75 + 25) / 3, 10); // 58.33
    expect(scores.dimensions[1]?.score).toBeCloseTo(200 / 3, 10);
    expect(scores.dimensions[2]?.score).toBeNull();
    expect(scores.overall).toBeCloseTo(((2 * 75 + 25) / 3 + 200 / 3) / 2, 10); // 62.5
  });

  it('has no overall score when nothing was answered', () => {
    expect(scoreRound(small, { levels: new Map() }).overall).toBeNull();
  });
});

describe('the framework schema', () => {
  it('accepts the built-in framework, written in the five languages with three or four questions per dimension', () => {
    expect(checkFramework(defaultFramework).ok).toBe(true);
    expect(defaultFramework.dimensions.map((dimension) => dimension.key)).toHaveLength(6);
    for (const dimension of defaultFramework.dimensions) {
      expect(dimension.questions.length).toBeGreaterThanOrEqual(3);
      expect(dimension.questions.length).toBeLessThanOrEqual(4);
    }
    for (const { question } of questionsOf(defaultFramework))
      for (const locale of locales) expect(question.text[locale], `${question.key} ${locale}`).toBeTruthy();
    for (const level of defaultFramework.scale) for (const locale of locales) expect(level.description[locale]).toBeTruthy();
  });

  it('lists every problem of a framework file, each with where it is', () => {
    const broken = {
      name: { it: 'Senza inglese' },
      scale: [
        { level: 0, label: texts('None'), description: texts('') },
        { level: 2, label: texts('Two'), description: texts('Skips one') },
      ],
      dimensions: [
        { key: 'a', name: texts('A'), themes: ['Not A Code'], questions: [{ key: 'q', text: texts('Q'), weight: 0 }] },
        { key: 'a', name: texts('A again'), themes: [], questions: [{ key: 'q', text: texts('Q again'), weight: 1, extra: true }] },
      ],
    };
    const checked = parseFrameworkJson(JSON.stringify(broken));
    expect(checked.ok).toBe(false);
    const problems = checked.ok ? [] : checked.problems.map((problem) => `${problem.path} ${problem.key}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'name.en maturity.framework.problems.englishRequired',
        'scale[0].description.en maturity.framework.problems.englishRequired',
        'dimensions[0].themes[0] maturity.framework.problems.themeInvalid',
        'dimensions[0].questions[0].weight maturity.framework.problems.weightInvalid',
        'dimensions[1].questions[0] maturity.framework.problems.unknownField',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('names the order of levels and repeated keys once the shape is right', () => {
    const repeated = {
      ...small,
      scale: [small.scale[0], { ...small.scale[2], level: 2 }],
      dimensions: [small.dimensions[0], { ...small.dimensions[1], key: 'a', questions: [{ key: 'a1', text: texts('Again'), weight: 1 }] }],
    };
    const checked = checkFramework(repeated);
    const problems = checked.ok ? [] : checked.problems.map((problem) => `${problem.path} ${problem.key}`);
    expect(problems).toEqual([
      'scale[1].level maturity.framework.problems.scaleOrder',
      'dimensions[1].key maturity.framework.problems.duplicateKey',
      'dimensions[1].questions[0].key maturity.framework.problems.duplicateKey',
    ]);
  });

  it('says when the text is not JSON', () => {
    const checked = parseFrameworkJson('{ name: ');
    expect(checked.ok ? [] : checked.problems).toEqual([{ path: '', key: 'maturity.framework.problems.notJson' }]);
  });
});
