// The dialer inside the portal's process: one SIP user agent (reconnected when the proxy comes back), the agent
// pool, a runner per campaign, the records queue into the injected sink, and the campaigns' numbers registered
// with the proxy so that customers' calls reach the right campaign's queue. It puts those parts together; each
// has its own module.
import 'server-only';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { latestTargets } from '@/clickhouse/queries/targets';
import { pacingAbandonTarget } from './compliance/abandon-cap';
import type { AgentStateEvent } from './agents/agent-state';
import { allCampaigns, outsourcerAgents } from './campaigns';
import { DncCache } from './dnc-cache';
import { RecordsCache } from './records-cache';
import { answerIncoming } from './incoming';
import { linesOf } from './lines';
import { RecordQueue } from './records/record-queue';
import type { RecordSink } from './records/record-sink';
import { AgentPool } from './runner/agent-pool';
import { buildRunner } from './runner/build-runner';
import type { CampaignRunner, Telephony } from './runner/campaign-runner';
import type { Line } from './runner/inbound-routing';
import { PROFILES } from './compliance/profiles';
import { loadLeads, loadTally } from './runner/rebuild';
import type { DialerSettings } from './runner/settings';
import { RunnerRegistry } from './runners';
import { loadSettings, saveSettingsChange, savedSettings } from './settings-store';
import { DialerUserAgent, type IncomingCall, type Keepalive } from './sip/dialer-ua';
import type { MediaRelay } from './media/relay';
import type { MessageAudio } from './media/message-audio';
import type { SipAuth } from './sip/ua-credentials';

/** What the dialer needs of its SIP user agent: placing calls, and the numbers customers call it on. */
export type DialerTelephony = Telephony & { reconnect?: () => Promise<boolean>; registerNumbers?: (numbers: readonly string[]) => Promise<void> };

export interface DialerOptions {
  /** Where the calls' and agents' records go (server/dialer/record-sink.ts in the portal). */
  sink: RecordSink;
  tickMs?: number;
  flushMs?: number;
  reconnectMs?: number;
  /** The clock of the runners (tests); the wall clock by default. */
  now?: () => number;
  /** The media relay (rtpengine) browser agents' calls go through; without it a browser agent gets no call. */
  relay?: MediaRelay;
  /** The abandoned-call message's audio (espeak-ng), played through the relay; without either, silence then the hang-up. */
  messageAudio?: MessageAudio;
  /** A desk not heard from for this long is gone: its agent goes offline (no phantom available agent). */
  deskTimeoutMs?: number;
  /** A desk logs in as this agent: the demo's robot phone of that extension unregisters. */
  onDeskLogin?: (code: string) => Promise<void>;
}

/** How long a desk may stay silent before its agent is taken offline. */
export const DESK_TIMEOUT_MS = 10_000;

function directionChangeRefusal(runner: CampaignRunner): 'running' | 'busy' | null {
  if (runner.current.status === 'running') return 'running';
  return runner.idle ? null : 'busy';
}

export class Dialer {
  readonly pool: AgentPool;
  readonly runners: RunnerRegistry;
  private readonly records: RecordQueue;
  private readonly dnc: DncCache;
  /** Each partnership's number inventory and consents: a change made in the portal or the API reloads its partnership. */
  readonly partnershipRecords: RecordsCache;
  /** The organization of each agent logged in, for its `agent_state` records. */
  private readonly agentOrgs = new Map<string, string>();
  private reconnecting = false;
  private stopTelephony: () => Promise<void> = async () => {};
  /** The campaigns' numbers, as incoming calls are routed by them. */
  private lines: Line[] = [];
  /** When each desk (browser softphone) was last heard from. */
  private readonly deskSeen = new Map<string, number>();
  private readonly deskSweep: NodeJS.Timeout;

  private constructor(private readonly ch: Clickhouse, readonly telephony: DialerTelephony, private readonly options: DialerOptions) {
    this.records = new RecordQueue(options.sink, options.flushMs);
    this.dnc = new DncCache(ch);
    this.partnershipRecords = new RecordsCache(ch);
    this.pool = new AgentPool((e) => this.agentEvent(e));
    this.runners = new RunnerRegistry((id) => buildRunner({
      ch, telephony, pool: this.pool, records: this.records, sink: options.sink, dnc: this.dnc, partnershipRecords: this.partnershipRecords, tickMs: options.tickMs, now: options.now ?? Date.now,
      share: (from, partnershipId, phone, note) => void this.runners.share(from, partnershipId, phone, note),
      media: (agent) => (agent.browser && options.relay ? { relay: options.relay, agentKind: 'webrtc' } : undefined),
      relay: options.relay, messageAudio: options.messageAudio,
    }, id));
    this.deskSweep = setInterval(() => void this.sweepDesks(), Math.min(2_000, (options.deskTimeoutMs ?? DESK_TIMEOUT_MS) / 2));
    this.deskSweep.unref();
  }

  static async start(ch: Clickhouse, telephony: DialerTelephony, options: DialerOptions): Promise<Dialer> {
    const dialer = new Dialer(ch, telephony, options);
    const all = await allCampaigns(ch);
    const saved = await savedSettings(ch, all);
    // Campaigns left running by the last stop resume.
    for (const [id, settings] of saved) if (settings.status === 'running') await dialer.runner(id);
    await dialer.refreshLines(all, saved);
    return dialer;
  }

  /** `auth`: the proxy's auth_ephemeral secret, when it authenticates its WebSocket clients. */
  static async connect(ch: Clickhouse, ws: string, options: DialerOptions & { keepalive?: Keepalive | null; auth?: SipAuth }): Promise<Dialer> {
    const ua = await DialerUserAgent.connect(ws, { keepalive: options.keepalive, auth: options.auth });
    const dialer = await Dialer.start(ch, ua, options);
    ua.onIncoming = (call) => void dialer.incoming(call);
    ua.onConnectionChange = (up) => { if (!up) void dialer.reconnectLoop(); };
    dialer.stopTelephony = () => ua.stop();
    return dialer;
  }

  /** Records the sink refused (a bug of ours, kept visible). */
  get refused(): RecordQueue['refused'] { return this.records.refused; }

  runner(campaignId: string): Promise<CampaignRunner> {
    return this.runners.runner(campaignId);
  }

  loadedRunners(): Promise<CampaignRunner[]> {
    return this.runners.loaded();
  }

  /** The inbound queue of a campaign whose runner is loaded (open lines are, from start-up), else null. */
  async queueOf(campaignId: string): Promise<{ waiting: number; longestWaitSeconds: number } | null> {
    const loading = this.runners.ifLoaded(campaignId);
    return loading ? (await loading).queue() : null;
  }

  /** Writes the queued records now (tests, shutdown). */
  flush(): Promise<void> {
    return this.records.flush();
  }

  /** Dialing pauses while the proxy is unreachable (runners check `isConnected`) and resumes when it is back. */
  private async reconnectLoop(): Promise<void> {
    if (this.reconnecting || !this.telephony.reconnect) return;
    this.reconnecting = true;
    while (!this.telephony.isConnected) {
      if (await this.telephony.reconnect()) break;
      await new Promise((r) => setTimeout(r, this.options.reconnectMs ?? 1000));
    }
    this.reconnecting = false;
  }

  /** The organization of a logged-in agent (agent codes are unique within an organization only). */
  agentOrg(code: string): string | undefined {
    return this.agentOrgs.get(code);
  }

  private agentEvent(e: AgentStateEvent): void {
    const orgId = this.agentOrgs.get(e.agent);
    if (orgId) this.records.push(orgId, { ...e });
  }

  /**
   * Reads a campaign's contacts again into its hopper: when it starts, and when an import made a list ready
   * (and deleted the list it replaces) — the only ways a campaign's lists change.
   */
  async leadsChanged(campaignId: string): Promise<void> {
    const loading = this.runners.ifLoaded(campaignId);
    if (!loading) return; // built from ClickHouse on first use anyway
    const runner = await loading;
    if (runner.campaign.direction !== 'outbound') return;
    const siblings = (await allCampaigns(this.ch)).filter((c) => c.partnership_id === runner.campaign.partnershipId).map((c) => c.id);
    runner.hopper.merge(await loadLeads(this.ch, runner.campaign, siblings, runner.current.retry));
  }

  /** Applies a manager's change (status, mode, pacing target…), saved first so that a restart keeps it. */
  async configure(campaignId: string, change: Partial<DialerSettings>, by: string): Promise<DialerSettings> {
    const runner = await this.runner(campaignId);
    const campaign = (await allCampaigns(this.ch)).find((c) => c.id === campaignId);
    if (!campaign) throw new Error(`no campaign ${campaignId}`);
    const next = await saveSettingsChange(this.ch, campaign, runner.current, change, by);
    // Starting works the lists as they are now.
    if (next.status === 'running' && runner.current.status !== 'running') await this.leadsChanged(campaignId);
    // Another profile measures the abandon rate over another period: read it again from the records.
    const period = PROFILES[next.profile].abandonPeriod;
    if (period !== runner.abandonPeriod) runner.replaceTally(await loadTally(this.ch, runner.campaign, period, (this.options.now ?? Date.now)()));
    runner.update(next);
    // Stopped: leads the compliance rules held (outside calling hours…) are not left "scheduled" by a campaign that no
    // longer dials; the rules are checked again at its next start. Paused, they keep their deferral (it resumes).
    if (next.status === 'stopped') runner.hopper.releaseHolds();
    await this.refreshLines();
    return next;
  }

  /** The campaign's targets changed (brief, API, /dialer page): a loaded runner paces under its new abandon target. */
  async targetsChanged(campaignId: string): Promise<void> {
    const loading = this.runners.ifLoaded(campaignId);
    if (!loading) return; // read when it is built
    const targets = await latestTargets(this.ch, [campaignId]);
    (await loading).setAbandonTarget(pacingAbandonTarget(targets.get(campaignId)?.target_abandon_rate));
  }

  /**
   * The campaign's row changed (its settings form or the API). A new time zone applies to a loaded runner at once;
   * a new direction makes its runner be built again on next use, never under a running or busy runner (the save
   * checks `directionChangeRefusal` first; a call placed in between keeps the old runner until the next start).
   */
  async campaignChanged(campaignId: string): Promise<void> {
    const loading = this.runners.ifLoaded(campaignId);
    const campaign = (await allCampaigns(this.ch)).find((c) => c.id === campaignId);
    if (loading && campaign) {
      const runner = await loading;
      runner.campaign.recording = campaign.recording === 1; // the next call bridged follows it
      if (runner.campaign.direction !== campaign.direction) {
        const refusal = directionChangeRefusal(runner);
        if (refusal) console.error(`Dialer: ${runner.campaign.code} changed direction while ${refusal}; its runner is rebuilt at the next start`);
        else this.runners.forget(campaignId);
      } else if (runner.campaign.timeZone !== campaign.time_zone) {
        const info = { ...runner.campaign, timeZone: campaign.time_zone };
        runner.moveTo(campaign.time_zone, await loadTally(this.ch, info, runner.abandonPeriod, (this.options.now ?? Date.now)()));
      }
    }
    await this.refreshLines();
  }

  /** Why the campaign's direction may not change now, or null: never under a running or busy runner. */
  async directionChangeRefusal(campaignId: string): Promise<'running' | 'busy' | null> {
    const loading = this.runners.ifLoaded(campaignId);
    return loading ? directionChangeRefusal(await loading) : null;
  }

  /** Reads the campaigns' numbers again and registers them with the proxy (unregistering dropped ones). */
  async refreshLines(all?: Awaited<ReturnType<typeof allCampaigns>>, saved?: Map<string, DialerSettings>): Promise<void> {
    all ??= await allCampaigns(this.ch);
    const settings = new Map(saved ?? (await savedSettings(this.ch, all)));
    // A loaded runner's settings are the live ones (saved first, so the same unless a save is in flight).
    for (const r of await this.runners.loaded()) settings.set(r.campaign.id, r.current);
    this.lines = linesOf(all, settings);
    await this.telephony.registerNumbers?.([...new Set(this.lines.map((l) => l.number))]).catch((err: Error) => console.error(`Dialer: numbers not registered: ${err.message}`));
  }

  incoming(call: IncomingCall): Promise<void> {
    return answerIncoming(call, this.lines, this.runners);
  }

  /** An agent whose phone registered as `sipUser` joins the campaigns it is assigned to. */
  async agentLogin(code: string, sipUser: string, how: { browser?: boolean; state?: 'available' | 'paused' } = {}): Promise<void> {
    const user = (await outsourcerAgents(this.ch)).find((u) => u.agent_code === code);
    if (!user) throw new Error(`no agent with code ${code}`);
    const assigned = new Set((await tenancy.assignmentsOfUser(this.ch, user.id)).map((a) => a.campaign_id));
    const codes = (await allCampaigns(this.ch)).filter((c) => assigned.has(c.id)).map((c) => c.code);
    this.agentOrgs.set(code, user.org_id);
    this.pool.login(code, sipUser, codes, how);
  }

  /**
   * An agent's assignments or account changed (issue 20): a logged-in agent takes calls of its campaigns as they are
   * now, at once; a deactivated one leaves the pool. The pool is what routing reads, so nothing else is cached.
   */
  async agentChanged(userId: string): Promise<void> {
    const user = await tenancy.userById(this.ch, userId);
    if (!user?.agent_code || !this.pool.get(user.agent_code)) return;
    if (user.active === 0) {
      this.pool.logout(user.agent_code);
      return;
    }
    const assigned = new Set((await tenancy.assignmentsOfUser(this.ch, user.id)).map((a) => a.campaign_id));
    this.pool.assign(user.agent_code, (await allCampaigns(this.ch)).filter((c) => assigned.has(c.id)).map((c) => c.code));
  }

  /**
   * The desk of a signed-in agent logs its browser's softphone in: the agent joins its campaigns paused (it says
   * when it is ready), its calls' media through the relay; a robot phone registered for the demo steps aside.
   */
  async deskLogin(code: string, sipUser: string): Promise<void> {
    await this.options.onDeskLogin?.(code);
    await this.agentLogin(code, sipUser, { browser: true, state: 'paused' });
    this.pool.pause(code, 'login');
    this.deskSeen.set(code, Date.now());
  }

  /** The desk is still there (it asks for its state every second or so). */
  deskAlive(code: string): void {
    if (this.deskSeen.has(code)) this.deskSeen.set(code, Date.now());
  }

  /** The agent signs out of the dialer (or its desk went away): a call in progress is ended, then offline. */
  async deskLogout(code: string): Promise<void> {
    this.deskSeen.delete(code);
    for (const r of await this.runners.loaded()) {
      r.preview.skip(code);
      await r.dropAgent(code);
    }
    this.pool.logout(code);
  }

  private async sweepDesks(): Promise<void> {
    const limit = Date.now() - (this.options.deskTimeoutMs ?? DESK_TIMEOUT_MS);
    for (const [code, seen] of this.deskSeen) if (seen < limit) await this.deskLogout(code);
  }

  agentPauseWith(code: string, reason: string): void {
    const agent = this.pool.get(code);
    if (agent && ['available', 'wrapup', 'paused'].includes(agent.state)) this.pool.pause(code, reason);
  }

  /** The agent desk's "ready": back to available from a pause (e.g. after its phone failed to answer). */
  agentReady(code: string): void {
    const agent = this.pool.get(code);
    if (agent && (agent.state === 'paused' || agent.state === 'offline')) this.pool.set(code, 'available');
  }

  agentPause(code: string): void {
    const agent = this.pool.get(code);
    if (agent && ['available', 'wrapup'].includes(agent.state)) this.pool.set(code, 'paused');
  }

  async stop(): Promise<void> {
    clearInterval(this.deskSweep);
    for (const r of await this.runners.loaded()) r.close();
    await this.records.stop();
    await this.stopTelephony();
  }
}
