// Evaluations of calls (PRODUCT §7): made on the campaign's current grid version and scored by score.ts; then
// acknowledged or disputed by the evaluated agent, a dispute answered (or the score revised) by an evaluator. Every
// change is a new revision row (status.ts says which moves are allowed); the newest revision is the evaluation.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { qualitySql, type EvaluationRow, type QualityCall } from '@/clickhouse/queries/quality';
import { userError } from '@/server/trpc/user-error';
import { audited } from '@/server/audit/record';
import { checkAnswers, type Answers, type GridVersion, type PinnedComment } from './grid';
import { gridVersion, latestGrid } from './grids';
import { scoreEvaluation } from './score';
import { nextStatus, type EvaluationMove, type EvaluationStatus } from './status';

/** Who writes an evaluation's revision (an e-mail for the audit log's line). */
export interface Person { id: string; name: string; email: string }

export interface EvaluationView {
  id: string;
  revision: number;
  campaignId: string;
  callId: string;
  callStartedAt: string;
  direction: EvaluationRow['direction'];
  agent: string;
  evaluatorId: string;
  evaluatorName: string;
  gridVersion: number;
  answers: Answers;
  comments: PinnedComment[];
  score: number | null;
  eliminated: boolean;
  calibration: boolean;
  status: EvaluationStatus;
  agentComment: string;
  evaluatorReply: string;
  changedByName: string;
  createdAt: string;
  updatedAt: string;
}

export const viewOf = (r: EvaluationRow): EvaluationView => ({
  id: r.id, revision: Number(r.revision), campaignId: r.campaign_id, callId: r.call_id, callStartedAt: String(r.call_started_at),
  direction: r.direction, agent: r.agent, evaluatorId: r.evaluator_id, evaluatorName: r.evaluator_name, gridVersion: Number(r.grid_version),
  answers: JSON.parse(r.answers) as Answers, comments: JSON.parse(r.comments) as PinnedComment[],
  score: r.score === null ? null : Number(r.score), eliminated: Number(r.eliminated) === 1, calibration: Number(r.calibration) === 1,
  status: r.status, agentComment: r.agent_comment, evaluatorReply: r.evaluator_reply, changedByName: r.changed_by_name,
  createdAt: String(r.created_at), updatedAt: String(r.updated_at),
});

/** Answers complete and fitting the grid, or the refusal naming the criteria at fault. */
function requireAnswers(grid: GridVersion, answers: Answers) {
  const { missing, invalid, unknown } = checkAnswers(grid.sections, answers);
  if (invalid.length || unknown.length) throw userError('BAD_REQUEST', 'error.quality.invalidAnswer', { criteria: [...invalid, ...unknown].join(', ') });
  if (missing.length) throw userError('BAD_REQUEST', 'error.quality.incomplete', { criteria: missing.join(', ') });
}

/** A score (a fraction) as the audit line's summary writes it, one decimal. */
const percent = (score: number | null) => (score === null ? 'N/A' : `${Math.round(score * 1000) / 10} %`);

const sortComments = (comments: PinnedComment[]) => [...comments].sort((a, b) => a.at - b.at);

/**
 * Evaluates `call` on its campaign's current grid. The call's first evaluation is the official one; another
 * evaluator's later one is a calibration evaluation (compared on /quality/calibration, not shown to the agent nor
 * counted in the QA score). One evaluator evaluates a call once.
 */
export async function createEvaluation(ch: Clickhouse, call: QualityCall, evaluator: Person, input: { answers: Answers; comments: PinnedComment[] }, now: number): Promise<EvaluationView> {
  if (!call.connected_at || !call.agent) throw userError('PRECONDITION_FAILED', 'error.quality.notConnected');
  const grid = await latestGrid(ch, call.campaign_id);
  if (!grid) throw userError('PRECONDITION_FAILED', 'error.quality.noGrid');
  requireAnswers(grid, input.answers);
  const existing = await qualitySql.latestEvaluations(ch, { orgId: call.org_id, campaignIds: [call.campaign_id], callId: call.id });
  if (existing.some((e) => e.evaluator_id === evaluator.id)) throw userError('CONFLICT', 'error.quality.alreadyEvaluated');
  const { score, eliminated } = scoreEvaluation(grid.sections, input.answers);
  const row: EvaluationRow = {
    id: randomUUID(), revision: 1, org_id: call.org_id, campaign_id: call.campaign_id, call_id: call.id, call_started_at: Date.parse(call.started_at),
    direction: call.direction, agent: call.agent, evaluator_id: evaluator.id, evaluator_name: evaluator.name, grid_version: grid.version,
    answers: JSON.stringify(input.answers), comments: JSON.stringify(sortComments(input.comments)), score, eliminated: eliminated ? 1 : 0,
    calibration: existing.some((e) => Number(e.calibration) === 0) ? 1 : 0, status: 'submitted', agent_comment: '', evaluator_reply: '',
    changed_by: evaluator.id, changed_by_name: evaluator.name, created_at: now, updated_at: now,
  };
  await audited(ch, evaluator, {
    action: 'quality.evaluation', subject: { type: 'call', id: call.id }, orgIds: [call.org_id],
    summary: `${call.agent} · ${percent(score)}`,
    detail: { campaignId: call.campaign_id, evaluationId: row.id, score, eliminated, calibration: row.calibration === 1 },
  }, () => qualitySql.putEvaluation(ch, row), now);
  return viewOf({ ...row, call_started_at: call.started_at, created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString() });
}

/** The newest revision of an evaluation in these campaigns of `orgId`, with its history (oldest first); undefined elsewhere. */
export async function evaluationWithHistory(ch: Clickhouse, orgId: string, campaignIds: string[], id: string) {
  const history = (await qualitySql.evaluationHistory(ch, orgId, campaignIds, id)).map(viewOf);
  const current = history.at(-1);
  return current ? { current, history } : undefined;
}

/** Writes the next revision of `current` after `move`, refused when the move is not allowed from its status. */
async function move(ch: Clickhouse, orgId: string, current: EvaluationView, mv: EvaluationMove, by: Person, change: Partial<EvaluationRow>, now: number): Promise<EvaluationView> {
  const status = nextStatus(current.status, mv);
  if (!status) throw userError('PRECONDITION_FAILED', 'error.quality.move', { status: current.status });
  const row: EvaluationRow = {
    id: current.id, revision: current.revision + 1, org_id: orgId, campaign_id: current.campaignId, call_id: current.callId,
    call_started_at: Date.parse(current.callStartedAt), direction: current.direction, agent: current.agent, evaluator_id: current.evaluatorId,
    evaluator_name: current.evaluatorName, grid_version: current.gridVersion, answers: JSON.stringify(current.answers),
    comments: JSON.stringify(current.comments), score: current.score, eliminated: current.eliminated ? 1 : 0, calibration: current.calibration ? 1 : 0,
    status, agent_comment: current.agentComment, evaluator_reply: current.evaluatorReply, changed_by: by.id, changed_by_name: by.name,
    created_at: Date.parse(current.createdAt), updated_at: now, ...change,
  };
  await qualitySql.putEvaluation(ch, row);
  return viewOf({ ...row, call_started_at: current.callStartedAt, created_at: current.createdAt, updated_at: new Date(now).toISOString() });
}

/** The agent's acknowledgement or dispute (with their comment) of their own official evaluation. */
export async function agentAnswer(ch: Clickhouse, orgId: string, current: EvaluationView, agentCode: string, by: Person, mv: 'acknowledge' | 'dispute', comment: string, now: number) {
  // Another agent's evaluation, or a calibration one (never shown to the agent), "does not exist" for them.
  if (current.agent !== agentCode || current.calibration) throw userError('NOT_FOUND', 'error.noSuch.evaluation');
  return move(ch, orgId, current, mv, by, { agent_comment: comment || (mv === 'acknowledge' ? current.agentComment : '') }, now);
}

/** An evaluator answers a dispute: a reply, and new answers and comments when the score is revised (rescored on the evaluation's own grid version). */
export async function evaluatorRespond(ch: Clickhouse, orgId: string, current: EvaluationView, by: Person, input: { reply: string; answers?: Answers; comments?: PinnedComment[] }, now: number) {
  const change: Partial<EvaluationRow> = { evaluator_reply: input.reply };
  if (input.answers) {
    const grid = await gridVersion(ch, current.campaignId, current.gridVersion);
    if (!grid) throw userError('NOT_FOUND', 'error.noSuch.version');
    requireAnswers(grid, input.answers);
    const { score, eliminated } = scoreEvaluation(grid.sections, input.answers);
    Object.assign(change, { answers: JSON.stringify(input.answers), score, eliminated: eliminated ? 1 : 0 });
  }
  if (input.comments) change.comments = JSON.stringify(sortComments(input.comments));
  if (!input.answers) return move(ch, orgId, current, 'respond', by, change, now);
  // A score changed after the agent's dispute is what an agent's appeal turns on: the admins see it in the audit log.
  return audited(ch, by, {
    action: 'quality.revision', subject: { type: 'call', id: current.callId }, orgIds: [orgId],
    summary: `${current.agent} · ${percent(current.score)} → ${percent(change.score ?? null)}`,
    detail: { campaignId: current.campaignId, evaluationId: current.id, before: current.score, after: change.score },
  }, () => move(ch, orgId, current, 'respond', by, change, now), now);
}
