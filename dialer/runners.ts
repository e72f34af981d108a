// The campaigns' runners of the process, each built on first use; and what concerns several of them: a number's
// news shared with the client's other campaigns, and a caller's record as another campaign of the client knows it.
import type { HistoryNote, Lead } from './hopper/lead-hopper';
import type { CampaignRunner } from './runner/campaign-runner';

export class RunnerRegistry {
  private readonly runners = new Map<string, Promise<CampaignRunner>>();

  constructor(private readonly build: (campaignId: string) => Promise<CampaignRunner>) {}

  /** The runner of a campaign, built on first use; a build that failed is tried again on the next use. */
  runner(campaignId: string): Promise<CampaignRunner> {
    let r = this.runners.get(campaignId);
    if (!r) {
      r = this.build(campaignId);
      this.runners.set(campaignId, r);
      r.catch(() => this.runners.delete(campaignId));
    }
    return r;
  }

  /** Forgets a stopped, idle runner: the next use builds it again from ClickHouse (its campaign changed direction). */
  forget(campaignId: string): void {
    const r = this.runners.get(campaignId);
    this.runners.delete(campaignId);
    void r?.then((runner) => runner.close(), () => {});
  }

  /** The runner when it is built or being built, without building it. */
  ifLoaded(campaignId: string): Promise<CampaignRunner> | undefined {
    return this.runners.get(campaignId);
  }

  /** The runners built so far; one whose build failed is not among them. */
  async loaded(): Promise<CampaignRunner[]> {
    const settled = await Promise.allSettled(this.runners.values());
    return settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  /** What a campaign did with a number applies at once to the client's other campaigns that have it. */
  async share(from: string, partnershipId: string, phone: string, note: HistoryNote): Promise<void> {
    for (const r of await this.loaded()) {
      if (r.campaign.id !== from && r.campaign.partnershipId === partnershipId) r.hopper.noteElsewhere(phone, note);
    }
  }

  /** The record of a caller as another campaign of the client knows it (shown to the agent, never changed). */
  async knownLead(partnershipId: string, phone: string): Promise<Lead | undefined> {
    let best: Lead | undefined;
    for (const r of await this.loaded()) {
      const lead = r.campaign.partnershipId === partnershipId ? r.hopper.get(phone) : undefined;
      if (lead && (!best || Math.max(0, ...lead.attemptTimes) > Math.max(0, ...best.attemptTimes))) best = lead;
    }
    return best && { ...best, history: { ...best.history }, attemptTimes: [...best.attemptTimes] };
  }
}
