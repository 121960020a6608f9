// Builds replay inputs (random cards and review histories) and runs them through ts-fsrs.
// Shared by gen-vectors.mjs, check-replay.mjs and bench.mjs so all three see the same kind of data.
import { createEmptyCard, fsrs, State } from 'ts-fsrs'

console.debug = () => {} // ts-fsrs logs each 17/19-weight migration

// mulberry32: tiny, seedable, and identical on every Node version.
export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  next.pick = (items) => items[Math.floor(next() * items.length)]
  next.between = (lo, hi) => lo + next() * (hi - lo)
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1))
  return next
}

const DEFAULT_W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]
// ts-fsrs 5.4.2 clamp bounds (constant.ts CLAMP_PARAMETERS), w17/w18 at their widest.
const BOUNDS = [
  [0.001, 100], [0.001, 100], [0.001, 100], [0.001, 100], [1, 10], [0.001, 4], [0.001, 4], [0.001, 0.75],
  [0, 4.5], [0, 0.8], [0.001, 3.5], [0.001, 5], [0.001, 0.25], [0.001, 0.9], [0, 4], [0, 1], [1, 6],
  [0, 2], [0, 2], [0.01, 0.8], [0.1, 0.8],
]
const STEP_SETS = [[], ['1m', '10m'], ['10m'], ['1m', '10m', '1h'], ['1d', '3d']]
const RELEARNING_SETS = [[], ['10m'], ['10m', '1h'], ['1d']]
const RETENTIONS = [0.7, 0.8, 0.9, 0.95, 0.97]
const MAX_INTERVALS = [30, 365, 36500]
const DAY = 86400000

const round6 = (x) => Math.round(x * 1e6) / 1e6

function randomWeights(r) {
  const kind = r()
  if (kind < 0.3) return undefined // ts-fsrs defaults
  if (kind < 0.4) return DEFAULT_W.slice()
  // Mostly near the defaults (realistic), sometimes anywhere in the bounds, sometimes slightly outside (clamping).
  const w = BOUNDS.map(([lo, hi], i) => {
    const mode = r()
    if (mode < 0.6) return round6(Math.min(hi, Math.max(lo, DEFAULT_W[i] * r.between(0.6, 1.4))))
    if (mode < 0.95) return round6(r.between(lo, hi))
    return round6(r() < 0.5 ? lo - r.between(0, 1) : hi + r.between(0, 1))
  })
  const length = r()
  if (length < 0.08) return w.slice(0, 17)
  if (length < 0.16) return w.slice(0, 19)
  return w
}

export function randomParams(r, { fuzzShare = 0.15 } = {}) {
  const params = {}
  const w = randomWeights(r)
  if (w) params.w = w
  if (r() < 0.85) params.request_retention = r.pick(RETENTIONS)
  if (r() < 0.3) params.maximum_interval = r.pick(MAX_INTERVALS)
  if (r() < 0.8) params.learning_steps = r.pick(STEP_SETS)
  if (r() < 0.8) params.relearning_steps = r.pick(RELEARNING_SETS)
  if (r() < 0.2) params.enable_short_term = false
  if (r() < fuzzShare) params.enable_fuzz = true
  return params
}

export function nextReviewTime(r, card, start) {
  if (card.state === State.New) return start
  const last = card.last_review.getTime()
  const due = card.due.getTime()
  const mode = r()
  if (mode < 0.15) return last + Math.floor(r.between(0, 6 * 3600000)) // same day, often
  const interval = Math.max(due - last, 60000)
  // early (down to 0.2 of the interval after the last review), on time, or very late
  // (capped at five years so dates stay within four-digit years)
  const offset = mode < 0.3 ? 0 : Math.floor(Math.min(r.between(-0.8, 5) * interval, 5 * 365 * DAY))
  return Math.max(last, due + offset + Math.floor(r.between(0, 1000)))
}

export function pickRating(r) {
  const x = r()
  return x < 0.15 ? 1 : x < 0.3 ? 2 : x < 0.85 ? 3 : 4
}

export function output(card) {
  return {
    state: State[card.state],
    stability: card.stability,
    difficulty: card.difficulty,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    due: card.due.toISOString(),
    reps: card.reps,
    lapses: card.lapses,
    elapsed_days: card.elapsed_days,
  }
}

/** One card: params, a review history, and what ts-fsrs makes of each review. */
export function randomCase(r, options) {
  const params = randomParams(r, options)
  const scheduler = fsrs(params)
  const start = Date.UTC(2024, 0, 1) + Math.floor(r.between(0, 700 * DAY))
  let card = createEmptyCard(new Date(start))
  const count = r.int(2, 18)
  const steps = []
  const expected = []
  for (let i = 0; i < count; i++) {
    const now = new Date(nextReviewTime(r, card, start))
    const rating = pickRating(r)
    card = scheduler.next(card, now, rating).card
    steps.push({ now: now.toISOString(), rating })
    expected.push(output(card))
  }
  return { params, steps, expected }
}
