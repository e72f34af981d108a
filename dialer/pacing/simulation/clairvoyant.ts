// The clairvoyant bound: knowing every outcome in advance, it dials each answering customer as early as no drop allows.
import type { Oracle, SimDecision, SimPolicy, SimView } from './simulator';

/** Min-heap of agents' free times over a plain array, cheap to clone for what-if runs. */
class TimeHeap {
  constructor(private readonly a: number[]) {
    for (let i = (a.length >> 1) - 1; i >= 0; i--) this.down(i, a[i]!);
  }

  clone(): TimeHeap {
    const h = Object.create(TimeHeap.prototype) as TimeHeap;
    (h as unknown as { a: number[] }).a = this.a.slice();
    return h;
  }

  peek(): number {
    return this.a[0] ?? Infinity;
  }

  replaceTop(v: number): void {
    this.down(0, v);
  }

  private down(start: number, v: number): void {
    const a = this.a;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && a[r]! < a[l]! ? r : l;
      if (a[c]! >= v) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = v;
  }
}

interface Answer {
  answerAt: number;
  talkSeconds: number;
  wrapSeconds: number;
}

/**
 * Replays the simulator's own matching (answers in time order, each to the agent free the longest, or the next
 * one to free within the grace) and counts the drops.
 */
function drops(slots: TimeHeap, answers: Answer[], grace: number): number {
  const heap = slots.clone();
  let dropped = 0;
  for (const x of answers) {
    const free = heap.peek();
    if (free > x.answerAt + grace) {
      dropped++;
      continue;
    }
    heap.replaceTop(Math.max(free, x.answerAt) + x.talkSeconds + x.wrapSeconds);
  }
  return dropped;
}

function insertSorted(answers: Answer[], x: Answer): Answer[] {
  let i = answers.length;
  while (i > 0 && answers[i - 1]!.answerAt > x.answerAt) i--;
  return [...answers.slice(0, i), x, ...answers.slice(i)];
}

/** How often it re-checks while the next answering customer cannot yet be dialled safely. */
const RECHECK_SECONDS = 0.1;

export function clairvoyantPolicy(graceSeconds = 2): SimPolicy {
  // A hair inside the grace so floating-point sums never turn a planned 2.000-s wait into a drop.
  const grace = graceSeconds - 1e-6;
  return {
    name: 'clairvoyant',
    tickSeconds: 1,
    reactive: false,
    decide(view: SimView): SimDecision {
      const oracle: Oracle = view.oracle;
      const slots = new TimeHeap(oracle.agentFreeTimes());
      let pending = oracle.pendingAnswers();
      const unavoidable = drops(slots, pending, grace);
      let launch = 0;
      // Unanswered customers cost no agent time, so they never hold the line up; bounded for a trace where
      // (almost) nobody answers.
      while (launch < 100_000) {
        const c = oracle.peekCustomer(launch);
        if (!c.answered) {
          launch++;
          continue;
        }
        const withIt = insertSorted(pending, { answerAt: view.now + c.ringSeconds, talkSeconds: c.talkSeconds, wrapSeconds: c.wrapSeconds });
        if (drops(slots, withIt, grace) > unavoidable) return { launch, wakeAt: view.now + RECHECK_SECONDS };
        pending = withIt;
        launch++;
      }
      return { launch };
    },
  };
}
