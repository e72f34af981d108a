// Survey links (I/O): one token per connected call the dialer writes, valid for the campaign's number of days, and
// the answer given through it, stored as a survey of the call (source 'relais') through the ingest service.
import 'server-only';
import { clickhouse, type Clickhouse } from '@/clickhouse/client';
import { campaignsByCode } from '@/clickhouse/queries/tenancy';
import { clientNameOfCampaign, surveyTokenDays, surveyTokens, type SurveyToken } from '@/clickhouse/queries/surveys';
import { messageLanguage } from '@/dialer/media/message-text';
import { ingestRecords } from '@/server/ingest/service';
import { processSingleton } from '@/clickhouse/process-singleton';
import { DEFAULT_TOKEN_DAYS, expiresAt, newToken, surveyIdOfToken, TOKEN_PATTERN, tokenState, type TokenState } from './token';

/** A `call` record as the dialer writes it (dialer/calls/call-record.ts). */
type CallRecordLike = Record<string, unknown>;

/** A call an agent was on: connected, with an agent named. */
const connectedWithAgent = (r: CallRecordLike) => r.kind === 'call' && r.outcome === 'connected' && typeof r.agent === 'string' && r.agent !== '';

/**
 * Creates the survey link of each connected call among `records` (stored ones only: the caller passes what the
 * ingest accepted). A call that already has a link keeps it: a call record written again makes no second one.
 */
export async function createSurveyTokens(ch: Clickhouse, orgId: string, records: readonly CallRecordLike[], now = Date.now()): Promise<SurveyToken[]> {
  const calls = records.filter(connectedWithAgent);
  if (calls.length === 0) return [];
  const byCode = await campaignsByCode(ch, orgId);
  // A call is (campaign, id): ids are unique per campaign only.
  const key = (campaignId: string, callId: string) => `${campaignId}\u0000${callId}`;
  const existing = new Set((await surveyTokens.ofCalls(ch, orgId, calls.map((c) => String(c.id)))).map((t) => key(t.campaign_id, t.call_id)));
  const campaignIds = [...new Set(calls.map((c) => byCode.get(String(c.campaign))?.id).filter((id): id is string => !!id))];
  const days = await surveyTokenDays(ch, campaignIds);
  const tokens: SurveyToken[] = [];
  for (const c of calls) {
    const campaign = byCode.get(String(c.campaign));
    const callId = String(c.id);
    if (!campaign || existing.has(key(campaign.id, callId))) continue;
    existing.add(key(campaign.id, callId));
    const phone = typeof c.phone === 'string' ? c.phone : '';
    tokens.push({
      token: newToken(), org_id: orgId, campaign_id: campaign.id, call_id: callId, agent: String(c.agent),
      case_id: typeof c.case_id === 'string' ? c.case_id : '', phone,
      // A withheld number says nothing of its country: the contact centers are French.
      language: phone ? messageLanguage(phone) : 'fr',
      created_at: now, expires_at: expiresAt(now, days.get(campaign.id) ?? DEFAULT_TOKEN_DAYS), answered_at: null, survey_id: '',
    });
  }
  await surveyTokens.put(ch, tokens);
  return tokens;
}

/** What the public page may show of a token: its state, and while open the language and the client's name. Nothing else. */
export interface PublicSurvey {
  state: TokenState;
  language: 'fr' | 'en';
  clientName: string;
}

const languageOf = (t: SurveyToken | undefined): 'fr' | 'en' => (t?.language === 'en' ? 'en' : 'fr');

export async function publicSurvey(ch: Clickhouse, token: string, now = Date.now()): Promise<PublicSurvey> {
  const stored = TOKEN_PATTERN.test(token) ? await surveyTokens.get(ch, token) : undefined;
  const state = tokenState(stored, now);
  if (state !== 'open') return { state, language: languageOf(stored), clientName: '' };
  // A campaign deleted since: its link answers nothing more (the answer would be refused as unknown).
  const clientName = await clientNameOfCampaign(ch, stored!.campaign_id);
  return clientName ? { state, language: languageOf(stored), clientName } : { state: 'unknown', language: languageOf(stored), clientName: '' };
}

export interface SurveyAnswer {
  score: number;
  resolved: boolean | null;
  comment: string;
}

export class AnswerRefused extends Error {
  constructor(readonly state: Exclude<TokenState, 'open'>) {
    super(`survey link ${state}`);
  }
}

/** Answers being stored, by token: two submissions at once cannot both pass the "not yet answered" check. */
const inFlight = () => processSingleton('survey-answers-in-flight', () => new Set<string>());

/**
 * Stores the answer given through `token`, once: as the survey of the token's call (its agent, campaign and case),
 * then marks the token answered. An unknown, expired or answered token is refused with its state.
 */
export async function answerSurvey(ch: Clickhouse, token: string, answer: SurveyAnswer, now = Date.now()): Promise<void> {
  if (!TOKEN_PATTERN.test(token)) throw new AnswerRefused('unknown');
  const busy = inFlight();
  if (busy.has(token)) throw new AnswerRefused('answered');
  busy.add(token);
  try {
    const stored = await surveyTokens.get(ch, token);
    const state = tokenState(stored, now);
    if (state !== 'open') throw new AnswerRefused(state);
    const t = stored!;
    const surveyId = surveyIdOfToken(token);
    const campaign = [...(await campaignsByCode(ch, t.org_id)).values()].find((c) => c.id === t.campaign_id);
    if (!campaign) throw new AnswerRefused('unknown');
    const record = {
      kind: 'survey' as const, id: surveyId, campaign: campaign.code, call_id: t.call_id, agent: t.agent, case_id: t.case_id,
      score: answer.score, comment: answer.comment, answered_at: now, ...(answer.resolved === null ? {} : { resolved: answer.resolved }),
    };
    const result = await ingestRecords(ch, t.org_id, [{ line: 1, record }], [], { source: 'relais', language: t.language });
    if (result.accepted !== 1) throw new Error(`survey answer refused by the ingest: ${result.rejected[0]?.error ?? 'unknown'}`);
    await surveyTokens.put(ch, [{ ...t, answered_at: now, survey_id: surveyId }]);
  } finally {
    busy.delete(token);
  }
}

/** The page's and the public route's entries: the process's one engine (app/ does not reach ClickHouse itself). */
export const publicSurveyOfPage = (token: string) => publicSurvey(clickhouse(), token);
export const answerSurveyOfPage = (token: string, answer: SurveyAnswer) => answerSurvey(clickhouse(), token, answer);
