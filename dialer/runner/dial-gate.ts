// The compliance gate of one campaign: whether it may dial at all now, the verdict on one lead in every one of
// its time zones (compliance/check-dial.ts), and what a refusal leaves behind: a `rejected_compliance` record with
// its rule, the lead deferred to when the rule allows, the count by rule the manager's panel shows.
import { randomUUID } from 'node:crypto';
import { checkCallerId } from '@/dialer/compliance/caller-id';
import { checkDial, type DialVerdict } from '@/dialer/compliance/check-dial';
import { checkDncListAge, type DncList } from '@/dialer/compliance/dnc';
import type { ComplianceProfile } from '@/dialer/compliance/profiles';
import { callRecord } from '@/dialer/calls/call-record';
import type { LeadHopper, Lead } from '@/dialer/hopper/lead-hopper';
import type { PartnershipRecords } from '@/dialer/records-cache';
import type { CampaignInfo } from './campaign-info';
import { campaignProfile } from './idle-reason';
import type { DialerSettings } from './settings';

export type Refusal = Extract<DialVerdict, { allowed: false }>;

export interface GateDeps {
  campaign: CampaignInfo;
  settings: () => DialerSettings;
  hopper: LeadHopper;
  /** The do-not-call list in force for the organization, or null when none was uploaded. */
  dnc: () => DncList | null;
  /** The partnership's number inventory and consent records (dialer/records-cache.ts), or null before they load. */
  records: () => PartnershipRecords | null;
  record: (record: Record<string, unknown>) => void;
}

const isCallerIdRule = (rule: string) => rule.startsWith('caller_id');

export class DialGate {
  /** Dials refused since the runner started, by rule. */
  readonly rejections = new Map<string, number>();
  /**
   * The caller ID whose refusal was recorded (not owned, a mobile…): a refusal of the campaign's number, not of
   * the lead. It is recorded once, on the first lead it stops (which stays in the hopper), and the campaign is
   * then blocked until the number passes again (added back to the inventory, or another number set).
   */
  private refusedCallerId: string | null = null;

  constructor(private readonly d: GateDeps) {}

  /** The campaign's profile, with its calling hours widened when the manager did so (with a reason). */
  profile(): ComplianceProfile {
    return campaignProfile(this.d.settings());
  }

  private callerIdVerdict(automated: boolean) {
    const callerId = this.d.settings().callerId ?? '';
    return checkCallerId(callerId, this.d.records()?.numbers ?? new Set<string>(), automated);
  }

  /** Why the campaign cannot dial at all right now, or null. */
  blockReason(now: number): string | null {
    const s = this.d.settings();
    if (this.d.campaign.direction === 'outbound' && !s.callerId) return 'no caller ID: set the number the campaign presents';
    if (this.refusedCallerId !== null && this.refusedCallerId === s.callerId) {
      const v = this.callerIdVerdict(true);
      if (!v.allowed) return `caller ID refused (${v.rule}): ${v.reason}`;
    }
    const dnc = this.d.dnc();
    const age = dnc ? checkDncListAge(now, dnc.listDate, this.profile().dncMaxAgeDays) : { allowed: true as const };
    return age.allowed ? null : age.reason;
  }

  /** The verdict for a lead: every one of its time zones must allow the call. */
  verdict(lead: Lead, now: number, automated: boolean): DialVerdict {
    const callerId = this.callerIdVerdict(automated);
    if (!callerId.allowed) return callerId;
    this.refusedCallerId = null;
    const s = this.d.settings();
    const profile = this.profile();
    const dnc = this.d.dnc() ?? { numbers: new Set<string>(), listDate: now };
    // Read at every dial: a number removed from the inventory, a consent withdrawn, refuse from the next dial on.
    const records = this.d.records();
    const campaign = { id: this.d.campaign.id, callerId: s.callerId ?? '', automated, consentRequired: s.consentRequired, ownedNumbers: records?.numbers ?? new Set<string>() };
    const consents = records?.consents.get(lead.phone) ?? [];
    for (const timeZone of lead.timeZones.length ? lead.timeZones : [this.d.campaign.timeZone]) {
      const v = checkDial({
        now, profile, campaign, dnc,
        contact: { phone: lead.phone, timeZone, previousAttempts: lead.attemptTimes, history: lead.history, consents },
      });
      if (!v.allowed) return v;
    }
    return { allowed: true };
  }

  /**
   * Records the refusal and defers the lead to when the rule allows it (or for good). A refusal of the campaign's
   * number is recorded once and leaves the lead as it was; answers true then: take no more leads now.
   */
  reject(lead: Lead, refusal: Refusal, now: number): boolean {
    const campaignWide = isCallerIdRule(refusal.rule);
    if (campaignWide) {
      this.d.hopper.putBack(lead.phone);
      const callerId = this.d.settings().callerId;
      if (this.refusedCallerId === callerId) return true;
      this.refusedCallerId = callerId;
    }
    this.rejections.set(refusal.rule, (this.rejections.get(refusal.rule) ?? 0) + 1);
    this.d.record(callRecord({
      id: randomUUID(), campaign: this.d.campaign.code, direction: 'outbound', phone: lead.phone, contact: lead.name, startedAt: now, endedAt: now,
      outcome: 'rejected_compliance', rule: refusal.rule,
    }));
    if (!campaignWide) this.d.hopper.defer(lead.phone, refusal.retryAt, refusal.rule);
    return campaignWide;
  }

  /** The next lead the gate lets through, refusing (and recording) the others; at most `tries` looked at. */
  nextAllowed(take: () => Lead | undefined, now: number, automated: boolean, tries = 200): Lead | undefined {
    for (let i = 0; i < tries; i++) {
      const lead = take();
      if (!lead) return undefined;
      const v = this.verdict(lead, now, automated);
      if (v.allowed) return lead;
      if (this.reject(lead, v, now)) return undefined;
    }
    return undefined;
  }
}
