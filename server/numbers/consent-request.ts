// POST /api/v1/consents and /api/v1/consents/withdrawals once the key is known: an NDJSON body (or one JSON array)
// of records, each naming a campaign of the key's organization by its code; good lines are written, bad ones
// refused with their line number and the reason, the others kept (PRODUCT §5, docs/api.md).
import type { Clickhouse } from '@/clickhouse/client';
import { campaignsByCode, tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { normalisePhone } from '@/dialer/phone';
import { jsonError } from '@/server/http/answer';
import type { ApiCaller } from '@/server/http/api-auth';
import { bodyLimit, BodyTooLargeError, readBodyText } from '@/server/http/body';
import { apiConsentLine, apiWithdrawalLine, checkConsentFields, parseConsentDate } from './consent-line';
import { consentRow, withdrawConsents, writeConsents, type Withdrawal } from './consents';
import type { ConsentRow } from '@/clickhouse/queries/numbers';

/** At most this many records a request. */
export const MAX_CONSENT_LINES = 100_000;

interface Line { line: number; value: unknown }
type Rejected = { line: number; error: string };

/** The body's records with their line numbers: one JSON array (line = index + 1), or NDJSON (blank lines skipped). */
function splitBody(text: string): Line[] | string {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const array = JSON.parse(trimmed) as unknown;
      return Array.isArray(array) ? array.map((value, i) => ({ line: i + 1, value })) : 'the body is not a JSON array';
    } catch {
      return 'the body starts with "[" but is not valid JSON';
    }
  }
  const lines: Line[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    try {
      lines.push({ line: i + 1, value: JSON.parse(t) as unknown });
    } catch {
      lines.push({ line: i + 1, value: Symbol.for('invalid') });
    }
  });
  return lines;
}

async function readLines(req: Request): Promise<Line[] | Response> {
  let text: string;
  try {
    text = (await readBodyText(req, bodyLimit())).text;
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, `${err.message}: nothing was stored; split it into smaller requests`);
    throw err;
  }
  const lines = splitBody(text);
  if (typeof lines === 'string') return jsonError(400, lines);
  if (lines.length > MAX_CONSENT_LINES) return jsonError(413, `At most ${MAX_CONSENT_LINES} records a request: nothing was stored`);
  return lines;
}

/** The campaign a line names, if it is one of the key's organization's. */
async function campaignOf(api: ApiCaller, code: string): Promise<Campaign | undefined> {
  return (await campaignsByCode(api.ch, api.orgId)).get(code);
}

async function orgIdsOf(ch: Clickhouse, partnershipIds: Iterable<string>, own: string): Promise<string[]> {
  const ps = await tenancy.partnershipsByIds(ch, [...new Set(partnershipIds)]);
  return [...new Set([own, ...ps.map((p) => p.client_org_id)])];
}

const describe = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');

export async function answerConsents(api: ApiCaller, req: Request, now = Date.now()): Promise<Response> {
  const lines = await readLines(req);
  if (lines instanceof Response) return lines;
  const rejected: Rejected[] = [];
  const rows: ConsentRow[] = [];
  for (const { line, value } of lines) {
    const parsed = apiConsentLine.safeParse(value);
    if (!parsed.success) { rejected.push({ line, error: typeof value === 'symbol' ? 'is not valid JSON' : describe(parsed.error.issues) }); continue; }
    const campaign = await campaignOf(api, parsed.data.campaign);
    if (!campaign) { rejected.push({ line, error: `campaign: no campaign "${parsed.data.campaign}" of this organization` }); continue; }
    const checked = checkConsentFields(parsed.data, now);
    if (!checked.ok) { rejected.push({ line, error: checked.error }); continue; }
    rows.push(consentRow({ partnershipId: campaign.partnership_id, campaignId: campaign.id }, checked.consent, `api:${api.actor.id}`, api.actor.id, now));
  }
  if (rows.length) {
    await writeConsents(api.ch, api.actor, 'consent.record', { type: 'api_key', id: api.actor.id }, await orgIdsOf(api.ch, rows.map((r) => r.partnership_id), api.orgId), rows);
  }
  return Response.json({ accepted: rows.length, rejected });
}

export async function answerWithdrawals(api: ApiCaller, req: Request, now = Date.now()): Promise<Response> {
  const lines = await readLines(req);
  if (lines instanceof Response) return lines;
  const rejected: Rejected[] = [];
  const withdrawals: (Withdrawal & { line: number })[] = [];
  for (const { line, value } of lines) {
    const parsed = apiWithdrawalLine.safeParse(value);
    if (!parsed.success) { rejected.push({ line, error: typeof value === 'symbol' ? 'is not valid JSON' : describe(parsed.error.issues) }); continue; }
    const campaign = await campaignOf(api, parsed.data.campaign);
    if (!campaign) { rejected.push({ line, error: `campaign: no campaign "${parsed.data.campaign}" of this organization` }); continue; }
    const phone = normalisePhone(parsed.data.phone, 'FR');
    if (!phone.ok) { rejected.push({ line, error: `phone: "${parsed.data.phone}" is not a valid phone number` }); continue; }
    let at = now;
    if (parsed.data.withdrawn_at) {
      const when = parseConsentDate(parsed.data.withdrawn_at);
      if (when === null) { rejected.push({ line, error: `withdrawn_at: "${parsed.data.withdrawn_at}" is not a date (2026-08-12 or 12/08/2026)` }); continue; }
      at = when;
    }
    withdrawals.push({ line, partnershipId: campaign.partnership_id, phone: phone.e164, at, scope: parsed.data.scope, channel: parsed.data.channel });
  }
  const counts = withdrawals.length
    ? await withdrawConsents(api.ch, api.actor, await orgIdsOf(api.ch, withdrawals.map((w) => w.partnershipId), api.orgId), withdrawals, now)
    : [];
  // A withdrawal of a contact with no record is answered, not refused: nothing was on record to withdraw.
  const unmatched = withdrawals.filter((_, i) => counts[i] === 0).map((w) => w.line);
  return Response.json({ accepted: withdrawals.length, withdrawn: counts.reduce((a, b) => a + b, 0), unmatched, rejected });
}
