// The score of an evaluation and the calibration spread (PRODUCT §7), pure: a weighted percentage over the
// criteria answered, not-applicable left out of the denominator, a scale answer as its fraction of the scale, and
// a failed eliminatory criterion (no, or 0 on its scale) scoring the whole evaluation 0.
import { criteriaOf, type Answer, type Answers, type Criterion, type Section } from './grid';

/** An answer's value 0–1: yes 1, no 0, a scale value over its max; null for N/A or no answer. */
export function answerValue(c: Criterion, answer: Answer | undefined): number | null {
  if (answer === undefined || answer === 'na') return null;
  if (c.answer === 'yes_no') return answer === 'yes' ? 1 : answer === 'no' ? 0 : null;
  return typeof answer === 'number' ? Math.min(1, Math.max(0, answer / c.max)) : null;
}

export interface Score {
  /** 0–1; null when no criterion is answered (all N/A). */
  score: number | null;
  /** An eliminatory criterion failed: the score is 0 whatever the others. */
  eliminated: boolean;
  /** Weight of the criteria answered (the denominator) and the weight they earned. */
  answeredWeight: number;
  earnedWeight: number;
}

export function scoreEvaluation(sections: readonly Section[], answers: Answers): Score {
  let answeredWeight = 0;
  let earnedWeight = 0;
  let eliminated = false;
  for (const c of criteriaOf(sections)) {
    const v = answerValue(c, answers[c.id]);
    if (v === null) continue;
    answeredWeight += c.weight;
    earnedWeight += c.weight * v;
    if (c.eliminatory && v === 0) eliminated = true;
  }
  const score = answeredWeight === 0 ? null : eliminated ? 0 : earnedWeight / answeredWeight;
  return { score, eliminated, answeredWeight, earnedWeight };
}

/** Per section: its weighted score over its answered criteria (null when none is), eliminatory rule aside. */
export function sectionScores(sections: readonly Section[], answers: Answers): { id: string; score: number | null }[] {
  return sections.map((s) => {
    const { answeredWeight, earnedWeight } = scoreEvaluation([{ ...s, criteria: s.criteria.map((c) => ({ ...c, eliminatory: false })) }], answers);
    return { id: s.id, score: answeredWeight === 0 ? null : earnedWeight / answeredWeight };
  });
}

/** How far evaluators of one call stand apart on one criterion (values 0–1, N/A left out). */
export interface Spread {
  id: string;
  /** Evaluators who answered it (not N/A). */
  count: number;
  min: number | null;
  max: number | null;
  /** max − min: 0 when all agree. */
  range: number | null;
  /** Population standard deviation. */
  stddev: number | null;
  /** Evaluators who said N/A. */
  notApplicable: number;
}

export function spreadOf(id: string, values: readonly (number | null)[]): Spread {
  const xs = values.filter((v): v is number => v !== null);
  const notApplicable = values.length - xs.length;
  if (xs.length === 0) return { id, count: 0, min: null, max: null, range: null, stddev: null, notApplicable };
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const stddev = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  return { id, count: xs.length, min, max, range: max - min, stddev, notApplicable };
}

/** Calibration: the spread of each criterion, and of the score, across several evaluators' answers on one grid. */
export function calibrationSpread(sections: readonly Section[], evaluations: readonly Answers[]): { criteria: Spread[]; score: Spread } {
  const criteria = criteriaOf(sections).map((c) => spreadOf(c.id, evaluations.map((a) => answerValue(c, a[c.id]))));
  const score = spreadOf('score', evaluations.map((a) => scoreEvaluation(sections, a).score));
  return { criteria, score };
}
