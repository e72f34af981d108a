// The number inventory of an organization (PRODUCT §5): add, change the proof reference, remove, each with its
// audit line; the list shows the campaigns presenting each number. A change reloads the dialer's copy of the
// partnerships concerned, so a number removed stops its campaigns' dialing at the next dial.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { numbersSql, type NumberOwner, type PhoneNumber } from '@/clickhouse/queries/numbers';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { normalisePhone } from '@/dialer/phone';
import { savedSettings } from '@/dialer/settings-store';
import { audited, type AuditActor } from '@/server/audit/record';
import { campaignViews } from '@/server/campaigns/views';
import { currentDialer } from '@/server/dialer/instance';
import type { Scope } from '@/server/tenancy/scope';
import { userError } from '@/server/trpc/user-error';

export interface NumberView extends PhoneNumber {
  client_name: string;
  campaigns: { id: string; code: string; name: string }[];
}

/** The partner client organizations of an outsourcer (whom it may hold numbers for). */
async function partnerClients(ch: Clickhouse, scope: Scope): Promise<{ id: string; name: string }[]> {
  if (scope.orgKind !== 'outsourcer' || !scope.partnershipIds.size) return [];
  const ps = await tenancy.partnershipsByIds(ch, [...scope.partnershipIds]);
  const ids = [...new Set(ps.map((p) => p.client_org_id))];
  return ids.length ? (await tenancy.organizationsByIds(ch, ids)).map((o) => ({ id: o.id, name: o.name })) : [];
}

export async function inventoryOf(ch: Clickhouse, scope: Scope): Promise<{ numbers: NumberView[]; clients: { id: string; name: string }[] }> {
  const [numbers, campaigns, clients] = await Promise.all([numbersSql.numbersOfOrgs(ch, [scope.orgId]), campaignViews(ch, scope), partnerClients(ch, scope)]);
  const settings = await savedSettings(ch, campaigns);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return {
    clients,
    numbers: numbers.map((n) => ({
      ...n,
      client_name: n.owner === 'client' ? names.get(n.client_org_id) ?? '' : '',
      campaigns: campaigns
        .filter((c) => settings.get(c.id)?.callerId === n.number && (n.owner === 'outsourcer' || c.client_org_id === n.client_org_id))
        .map((c) => ({ id: c.id, code: c.code, name: c.name })),
    })),
  };
}

/** The dialer reads the inventory again for the partnerships of the organization (when one runs here). */
async function reloadDialer(scope: Scope): Promise<void> {
  const { dialer } = currentDialer();
  if (dialer) await Promise.all([...scope.partnershipIds].map((id) => dialer.partnershipRecords.refresh(id)));
}

export interface NumberInput { number: string; owner?: NumberOwner; clientOrgId?: string; proofRef: string }

export async function addNumber(ch: Clickhouse, scope: Scope, actor: AuditActor & { name?: string }, input: NumberInput): Promise<PhoneNumber> {
  const phone = normalisePhone(input.number, 'FR');
  if (!phone.ok) throw userError('BAD_REQUEST', 'error.number.invalid', { number: input.number });
  // A client holds its own numbers; an outsourcer holds its own, or numbers for one of its clients.
  let owner: NumberOwner = 'client';
  let clientOrgId = scope.orgId;
  if (scope.orgKind === 'client' && input.clientOrgId && input.clientOrgId !== scope.orgId) throw userError('NOT_FOUND', 'error.noSuch.client');
  if (scope.orgKind === 'outsourcer') {
    owner = input.owner ?? 'outsourcer';
    clientOrgId = '';
    if (owner === 'client') {
      if (!input.clientOrgId) throw userError('BAD_REQUEST', 'error.number.clientRequired');
      if (!(await partnerClients(ch, scope)).some((c) => c.id === input.clientOrgId)) throw userError('NOT_FOUND', 'error.noSuch.client');
      clientOrgId = input.clientOrgId;
    }
  }
  if (await numbersSql.numberAnywhere(ch, phone.e164)) throw userError('CONFLICT', 'error.number.inInventory');
  const row: PhoneNumber = {
    id: randomUUID(), org_id: scope.orgId, number: phone.e164, owner, client_org_id: clientOrgId, proof_ref: input.proofRef.trim(),
    added_by: actor.id, added_by_name: actor.name ?? actor.email, added_at: Date.now(),
  };
  await audited(ch, actor, {
    action: 'number.add', subject: { type: 'number', id: row.id }, orgIds: [scope.orgId, clientOrgId],
    summary: `Number ${row.number} added to the inventory (${owner})`, detail: { number: row.number, owner, client_org_id: clientOrgId, proof_ref: row.proof_ref },
  }, () => numbersSql.putNumber(ch, row));
  await reloadDialer(scope);
  return row;
}

async function ownNumber(ch: Clickhouse, scope: Scope, id: string): Promise<PhoneNumber> {
  const row = await numbersSql.numberById(ch, id);
  if (!row || row.org_id !== scope.orgId) throw userError('NOT_FOUND', 'error.noSuch.number');
  return row;
}

export async function updateNumber(ch: Clickhouse, scope: Scope, actor: AuditActor, id: string, proofRef: string): Promise<PhoneNumber> {
  const before = await ownNumber(ch, scope, id);
  const after = { ...before, proof_ref: proofRef.trim() };
  await audited(ch, actor, {
    action: 'number.update', subject: { type: 'number', id }, orgIds: [scope.orgId, before.client_org_id],
    summary: `Proof reference of ${before.number} changed`, detail: { number: before.number, proof_ref: { before: before.proof_ref, after: after.proof_ref } },
  }, () => numbersSql.putNumber(ch, after));
  return after;
}

export async function removeNumber(ch: Clickhouse, scope: Scope, actor: AuditActor, id: string): Promise<{ removed: true }> {
  const row = await ownNumber(ch, scope, id);
  await audited(ch, actor, {
    action: 'number.remove', subject: { type: 'number', id }, orgIds: [scope.orgId, row.client_org_id],
    summary: `Number ${row.number} removed from the inventory`, detail: { number: row.number, owner: row.owner, proof_ref: row.proof_ref },
  }, () => numbersSql.putNumber(ch, row, 1));
  await reloadDialer(scope);
  return { removed: true };
}
