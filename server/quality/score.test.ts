import { describe, expect, it } from 'vitest';
import { checkAnswers, defaultSections, sectionsSchema, type Section } from './grid';
import { calibrationSpread, scoreEvaluation, sectionScores, spreadOf } from './score';

const grid: Section[] = [
  { id: 's1', title: 'Accueil', criteria: [
    { id: 'a', label: 'A', guidance: '', weight: 2, answer: 'yes_no', max: 1, eliminatory: false },
    { id: 'b', label: 'B', guidance: '', weight: 3, answer: 'scale', max: 4, eliminatory: false },
  ] },
  { id: 's2', title: 'Conformité', criteria: [
    { id: 'legal', label: 'Mentions', guidance: '', weight: 1, answer: 'yes_no', max: 1, eliminatory: true },
  ] },
];

describe('scoreEvaluation', () => {
  it('weighs each answer, a scale answer as its fraction of the scale', () => {
    // a yes (2 × 1) + b 2/4 (3 × 0.5) + legal yes (1 × 1) = 4.5 of 6
    expect(scoreEvaluation(grid, { a: 'yes', b: 2, legal: 'yes' }).score).toBeCloseTo(4.5 / 6);
    expect(scoreEvaluation(grid, { a: 'no', b: 4, legal: 'yes' }).score).toBeCloseTo(4 / 6);
  });

  it('leaves N/A out of the denominator', () => {
    // a N/A: b 3/4 (3 × 0.75) + legal yes (1) = 3.25 of 4
    expect(scoreEvaluation(grid, { a: 'na', b: 3, legal: 'yes' })).toMatchObject({ score: 3.25 / 4, answeredWeight: 4 });
  });

  it('scores 0 when an eliminatory criterion fails, whatever the others', () => {
    expect(scoreEvaluation(grid, { a: 'yes', b: 4, legal: 'no' })).toMatchObject({ score: 0, eliminated: true });
    // N/A on an eliminatory criterion does not eliminate
    expect(scoreEvaluation(grid, { a: 'yes', b: 4, legal: 'na' })).toMatchObject({ score: 1, eliminated: false });
  });

  it('has no score when nothing is answered', () => {
    expect(scoreEvaluation(grid, { a: 'na', b: 'na', legal: 'na' }).score).toBeNull();
    expect(scoreEvaluation(grid, {}).score).toBeNull();
  });

  it('scores each section on its own', () => {
    expect(sectionScores(grid, { a: 'yes', b: 0, legal: 'no' })).toEqual([{ id: 's1', score: 0.4 }, { id: 's2', score: 0 }]);
  });
});

describe('checkAnswers', () => {
  it('names the missing, ill-fitting and unknown answers', () => {
    expect(checkAnswers(grid, { a: 3, b: 5, x: 'yes' })).toEqual({ missing: ['legal'], invalid: ['a', 'b'], unknown: ['x'] });
    expect(checkAnswers(grid, { a: 'yes', b: 'na', legal: 'no' })).toEqual({ missing: [], invalid: [], unknown: [] });
  });

  it('the default grid is valid and has an eliminatory legal-mentions criterion', () => {
    const sections = defaultSections('outbound');
    expect(sectionsSchema.safeParse(sections).success).toBe(true);
    expect(sections.flatMap((s) => s.criteria).filter((c) => c.eliminatory).map((c) => c.id)).toEqual(['mentions']);
  });

  it('refuses a grid naming a criterion twice', () => {
    expect(sectionsSchema.safeParse([grid[0], { ...grid[1], criteria: [{ ...grid[1]!.criteria[0], id: 'a' }] }]).success).toBe(false);
  });
});

describe('calibration spread', () => {
  it('gives min, max, range and standard deviation per criterion, N/A apart', () => {
    const { criteria, score } = calibrationSpread(grid, [{ a: 'yes', b: 4, legal: 'yes' }, { a: 'no', b: 2, legal: 'yes' }, { a: 'na', b: 0, legal: 'yes' }]);
    expect(criteria.find((c) => c.id === 'a')).toEqual({ id: 'a', count: 2, min: 0, max: 1, range: 1, stddev: 0.5, notApplicable: 1 });
    expect(criteria.find((c) => c.id === 'b')).toMatchObject({ count: 3, min: 0, max: 1, range: 1 });
    expect(criteria.find((c) => c.id === 'b')!.stddev).toBeCloseTo(Math.sqrt(((1 - 0.5) ** 2 + 0 + 0.5 ** 2) / 3));
    expect(criteria.find((c) => c.id === 'legal')).toMatchObject({ range: 0, stddev: 0 });
    expect(score.count).toBe(3);
    expect(score.max).toBe(1);
  });

  it('is empty when nobody answered', () => {
    expect(spreadOf('x', [null, null])).toEqual({ id: 'x', count: 0, min: null, max: null, range: null, stddev: null, notApplicable: 2 });
  });
});
