// A campaign's runner built from ClickHouse: its settings, the attempts the last stop cut recorded first, its
// hopper, the abandon tally of its profile's period, the pacing prior of its previous week, its organization's
// do-not-call list; wired to the shared agent pool, the record queue and the client's other campaigns.
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { latestTargets } from '@/clickhouse/queries/targets';
import { pacingAbandonTarget } from '@/dialer/compliance/abandon-cap';
import { campaignDayStart } from '@/dialer/compliance/abandon-period';
import { PROFILES } from '@/dialer/compliance/profiles';
import type { DncCache } from '@/dialer/dnc-cache';
import type { RecordsCache } from '@/dialer/records-cache';
import type { HistoryNote } from '@/dialer/hopper/lead-hopper';
import type { RecordQueue } from '@/dialer/records/record-queue';
import type { RecordSink } from '@/dialer/records/record-sink';
import { allCampaigns, campaignInfo } from '@/dialer/campaigns';
import { loadSettings } from '@/dialer/settings-store';
import { tenancy } from '@/clickhouse/queries/tenancy';
import type { MediaRelay } from '@/dialer/media/relay';
import type { MessageAudio } from '@/dialer/media/message-audio';
import { announcer } from './message-leg';
import type { AgentPool } from './agent-pool';
import { CampaignRunner, type RunnerDeps, type Telephony } from './campaign-runner';
import { priorFromHistory } from './pacing-prior';
import { loadTally, rebuildHopper, recordInterruptedAttempts } from './rebuild';

const DAY = 86_400_000;

export interface RunnerContext {
  ch: Clickhouse;
  telephony: Telephony;
  pool: AgentPool;
  records: RecordQueue;
  sink: RecordSink;
  dnc: DncCache;
  partnershipRecords: RecordsCache;
  /** Tells the client's other loaded campaigns what one of them did with a number. */
  share: (from: string, partnershipId: string, phone: string, note: HistoryNote) => void;
  tickMs?: number;
  now: () => number;
  /** The media relay an agent's calls go through (a browser agent's), none: SDPs swapped directly. */
  media?: RunnerDeps['media'];
  /** With both, a person nobody takes hears the abandoned-call message through rtpengine. */
  relay?: MediaRelay;
  messageAudio?: MessageAudio;
}

export async function buildRunner(x: RunnerContext, campaignId: string): Promise<CampaignRunner> {
  const { ch } = x;
  const all = await allCampaigns(ch);
  const campaign = all.find((c) => c.id === campaignId);
  if (!campaign) throw new Error(`no campaign ${campaignId}`);
  const info = await campaignInfo(ch, campaign);
  // Who calls and for whom, as the abandoned-call message says it.
  const partnership = (await tenancy.partnershipsByIds(ch, [campaign.partnership_id]))[0]!;
  const orgNames = new Map((await tenancy.organizationsByIds(ch, [partnership.outsourcer_org_id, partnership.client_org_id])).map((o) => [o.id, o.name]));
  const names = { outsourcer: orgNames.get(partnership.outsourcer_org_id) ?? '', client: orgNames.get(partnership.client_org_id) ?? '' };
  const settings = await loadSettings(ch, campaign);
  await recordInterruptedAttempts(ch, info, async (records) => {
    for (const record of records) x.records.push(info.orgId, record);
    await x.records.flush();
  });
  const partnershipCampaigns = all.filter((c) => c.partnership_id === campaign.partnership_id).map((c) => c.id);
  const now = x.now();
  const dayStart = campaignDayStart(now, campaign.time_zone);
  const [hopper, tally, history, targets] = await Promise.all([
    rebuildHopper(ch, info, partnershipCampaigns, settings.retry, now),
    loadTally(ch, info, PROFILES[settings.profile].abandonPeriod, now),
    dialerSql.pacingHistory(ch, campaign.id, dayStart - 7 * DAY, dayStart),
    latestTargets(ch, [campaign.id]),
  ]);
  await Promise.all([x.dnc.refresh(info.orgId), x.partnershipRecords.refresh(info.partnershipId)]);
  return new CampaignRunner(info, settings, hopper, {
    telephony: x.telephony,
    pool: x.pool,
    record: (record) => x.records.push(info.orgId, record),
    journal: (attempts) => dialerSql.journal(ch, campaign.id, attempts),
    callback: (c) => void dialerSql.putCallback(ch, campaign.id, c).catch((e: Error) => console.error(`Dialer: callback not saved: ${e.message}`)),
    callbackDone: (phone) => void dialerSql.putCallback(ch, campaign.id, { phone, at: Date.now() }, 1).catch(() => {}),
    removeContact: (phone, reason) => void dialerSql.removeContact(ch, campaign.id, phone, reason).catch((e: Error) => console.error(`Dialer: contact not removed: ${e.message}`)),
    dnc: () => x.dnc.now(info.orgId),
    records: () => x.partnershipRecords.now(info.partnershipId),
    share: (phone, note) => x.share(campaign.id, campaign.partnership_id, phone, note),
    pacingPrior: priorFromHistory(history),
    abandonTarget: pacingAbandonTarget(targets.get(campaign.id)?.target_abandon_rate),
    queueChanged: () => x.sink.changed([campaign.id]),
    media: x.media,
    announce: x.relay && x.messageAudio ? announcer({ relay: x.relay, audio: x.messageAudio, facts: () => names }) : undefined,
    now: x.now,
  }, tally, x.tickMs);
}
