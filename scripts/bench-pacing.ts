// bench:pacing: every pacing policy on the same seeded traces, as a table or JSON lines, and whether ours meets its targets.
import { simulate, DEFAULT_SCENARIO, type Scenario, type SimResult } from '../dialer/pacing/simulator';
import { allPolicies } from '../dialer/pacing/sim-policies';
import { CustomerTrace } from '../dialer/pacing/trace';

const AGENTS = [10, 50, 200];
const ANSWER_RATES = [0.15, 0.3, 0.6];
const CAP = 0.03;
const BOUND_SHARE = 0.95;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
const seed = Number(argValue('--seed') ?? 1);
// Four hours keeps the whole bench well under two minutes on two cores while giving the small team ~700
// answered calls, enough for its abandon rate to mean something.
const hours = Number(argValue('--hours') ?? 4);
if (!Number.isFinite(seed) || !Number.isFinite(hours) || hours <= 0) {
  console.error('usage: tsx scripts/bench-pacing.ts [--json] [--seed N] [--hours H]');
  process.exit(2);
}

interface Verdict {
  abandonOk: boolean;
  beatsBaseline: boolean;
  ratioToBound: number;
  boundOk: boolean;
  bestBaseline: SimResult;
}

function judge(results: SimResult[]): Verdict {
  const by = (name: string) => results.find((r) => r.policy === name)!;
  const ours = by('ours');
  const bound = by('clairvoyant');
  const baselines = results.filter((r) => r.policy.startsWith('adaptive-'));
  const bestBaseline = baselines.reduce((a, b) => (b.occupancy > a.occupancy ? b : a));
  const ratioToBound = ours.occupancy / bound.occupancy;
  return {
    abandonOk: ours.abandon_rate <= CAP,
    // Above every baseline variant on occupancy, at an abandon rate no higher than that variant's (or the cap).
    beatsBaseline: baselines.every((b) => ours.occupancy > b.occupancy && ours.abandon_rate <= Math.max(b.abandon_rate, CAP)),
    ratioToBound,
    boundOk: ratioToBound >= BOUND_SHARE,
    bestBaseline,
  };
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

const started = Date.now();
const verdicts: { agents: number; answerRate: number; v: Verdict; ours: SimResult }[] = [];
if (!json) {
  console.log(`bench:pacing  seed ${seed}, ${hours}-h shift, ring (answered) lognormal ${DEFAULT_SCENARIO.ringSeconds.mean}±${DEFAULT_SCENARIO.ringSeconds.sd} s, ` +
    `no answer after ${DEFAULT_SCENARIO.ringTimeoutSeconds} s, talk lognormal ${DEFAULT_SCENARIO.talkSeconds.mean}±${DEFAULT_SCENARIO.talkSeconds.sd} s, ` +
    `wrap lognormal ${DEFAULT_SCENARIO.wrapSeconds.mean}±${DEFAULT_SCENARIO.wrapSeconds.sd} s, drop after ${DEFAULT_SCENARIO.dropGraceSeconds} s\n`);
  console.log([pad('agents', 7), pad('answer', 7), pad('policy', 22), lpad('occupancy', 10), lpad('abandon', 9), lpad('calls/agent-h', 14),
    lpad('wait/call s', 12), lpad('dials', 8), lpad('answered', 9), lpad('dropped', 8)].join(' '));
}
for (const agents of AGENTS) {
  for (const answerRate of ANSWER_RATES) {
    const scenario: Scenario = { ...DEFAULT_SCENARIO, agents, answerRate, seed: seed * 1000 + agents + Math.round(answerRate * 100), shiftSeconds: hours * 3600 };
    // One trace per scenario, shared: every policy dials the very same customers in the same order.
    const trace = new CustomerTrace(scenario);
    const results = allPolicies().map((policy) => simulate(scenario, policy, trace));
    const v = judge(results);
    const ours = results.find((r) => r.policy === 'ours')!;
    verdicts.push({ agents, answerRate, v, ours });
    for (const r of results) {
      if (json) {
        const extra = r.policy === 'ours'
          ? { ratio_to_bound: v.ratioToBound, target_abandon_ok: v.abandonOk, target_beats_baseline: v.beatsBaseline, target_bound_ok: v.boundOk }
          : {};
        console.log(JSON.stringify({ ...r, seed, shift_hours: hours, ...extra }));
      } else {
        console.log([pad(String(agents), 7), pad(pct(answerRate, 0), 7), pad(r.policy, 22), lpad(pct(r.occupancy), 10), lpad(pct(r.abandon_rate, 2), 9),
          lpad(r.calls_per_agent_hour.toFixed(2), 14), lpad(r.mean_wait_seconds.toFixed(1), 12), lpad(String(r.dials), 8),
          lpad(String(r.human_answered), 9), lpad(String(r.dropped), 8)].join(' '));
      }
    }
    if (!json) console.log('');
  }
}

// In JSON mode the verdicts go to stderr so stdout stays one result object per line.
const out = json ? console.error : console.log;
out(`targets for ours: abandon ≤ ${pct(CAP, 0)}, occupancy above every adaptive variant, ≥ ${pct(BOUND_SHARE, 0)} of the clairvoyant bound`);
let met = 0;
for (const { agents, answerRate, v, ours } of verdicts) {
  const all = v.abandonOk && v.beatsBaseline && v.boundOk;
  if (all) met++;
  out(`${lpad(String(agents), 4)} agents ${lpad(pct(answerRate, 0), 5)}: abandon ${pct(ours.abandon_rate, 2)} ${v.abandonOk ? 'ok' : 'OVER'}; ` +
    `occupancy ${pct(ours.occupancy)} vs best baseline ${pct(v.bestBaseline.occupancy)} (${v.bestBaseline.policy}, abandon ${pct(v.bestBaseline.abandon_rate, 2)}) ${v.beatsBaseline ? 'ok' : 'NOT BEATEN'}; ` +
    `${pct(v.ratioToBound)} of bound ${v.boundOk ? 'ok' : 'SHORT'} → ${all ? 'PASS' : 'FAIL'}`);
}
out(`${met}/${verdicts.length} scenarios meet all targets; ${((Date.now() - started) / 1000).toFixed(1)} s`);
