// A change of a campaign's targets by a signed-in user, from the brief or the /dialer page (the abandon target):
// one revision after another per campaign, the new revision in the partnership's feed, the running dialer told.
import type { Clickhouse } from '@/clickhouse/client';
import type { Targets } from '@/clickhouse/queries/targets';
import type { SessionUser } from '@/server/auth/session-user';
import { saveTargets } from '@/server/campaigns/save';
import type { CampaignView } from '@/server/campaigns/views';
import type { Scope } from '@/server/tenancy/scope';
import { actorOf } from './actor';
import { recordActivity } from './activity';
import { serialized } from './serial';

export function changeTargets(ch: Clickhouse, user: SessionUser, scope: Scope, campaign: CampaignView, targets: Partial<Targets>) {
  return serialized(`targets:${campaign.id}`, async () => {
    const partnership = { id: campaign.partnership_id, outsourcer_org_id: campaign.outsourcer_org_id, client_org_id: campaign.client_org_id };
    const result = await saveTargets(ch, { id: user.id, email: user.email, name: user.name }, { campaign, partnership, targets });
    if (result.changed.length) {
      await recordActivity(ch, {
        partnershipId: campaign.partnership_id, actor: actorOf(user, scope), kind: 'brief_changed',
        subject: { type: 'brief', id: `targets:${campaign.code}:${result.revision}` }, params: { revision: result.revision, fields: `${campaign.code}: ${result.changed.join(', ')}` },
      });
    }
    return result;
  });
}
