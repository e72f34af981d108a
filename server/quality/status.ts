// An evaluation's life (PRODUCT §7), pure: who may move it where. Every move is a new revision of the evaluation.
//   submitted ──agent──▶ acknowledged | disputed
//   disputed ──evaluator──▶ revised (the evaluator's answer, the score kept or changed)
//   revised ──agent──▶ acknowledged | disputed
// Acknowledged is final. Any other move is refused (never silently ignored).
export const EVALUATION_STATUSES = ['submitted', 'acknowledged', 'disputed', 'revised'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export type EvaluationMove = 'acknowledge' | 'dispute' | 'respond';

const MOVES: Record<EvaluationMove, { by: 'agent' | 'evaluator'; from: readonly EvaluationStatus[]; to: EvaluationStatus }> = {
  acknowledge: { by: 'agent', from: ['submitted', 'revised'], to: 'acknowledged' },
  dispute: { by: 'agent', from: ['submitted', 'revised'], to: 'disputed' },
  respond: { by: 'evaluator', from: ['disputed'], to: 'revised' },
};

/** The status after `move`, or null when the move is not allowed from `status`. */
export function nextStatus(status: EvaluationStatus, move: EvaluationMove): EvaluationStatus | null {
  const m = MOVES[move];
  return m.from.includes(status) ? m.to : null;
}

export const moveBy = (move: EvaluationMove) => MOVES[move].by;
