// The benchmark's card mix, shared by bench.mjs and the Java JMH benchmark:
//   node bench-cards.mjs  →  ../../src/test/resources/fsrs/bench-cards.jsonl
// 1,024 cards reviewed 0..12 times under ts-fsrs defaults (so a realistic spread of New, Learning,
// Review and Relearning cards), each with the time of its next review (early, on time or late).
import { writeFileSync } from 'node:fs'
import { createEmptyCard, fsrs, State } from 'ts-fsrs'
import { nextReviewTime, pickRating, rng } from './vectors.mjs'

export const CARD_COUNT = 1024

export function benchCards() {
  const r = rng(1234)
  const scheduler = fsrs({})
  const cards = []
  for (let i = 0; i < CARD_COUNT; i++) {
    const start = Date.UTC(2025, 0, 1) + Math.floor(r.between(0, 365 * 86400000))
    let card = createEmptyCard(new Date(start))
    const reviews = r.int(0, 12)
    for (let k = 0; k < reviews; k++) {
      card = scheduler.next(card, new Date(nextReviewTime(r, card, start)), pickRating(r)).card
    }
    cards.push({ card, now: new Date(nextReviewTime(r, card, start)), rating: pickRating(r) })
  }
  return cards
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = benchCards().map(({ card, now, rating }) => JSON.stringify({
    state: State[card.state], stability: card.stability, difficulty: card.difficulty, reps: card.reps,
    lapses: card.lapses, learning_steps: card.learning_steps, scheduled_days: card.scheduled_days,
    elapsed_days: card.elapsed_days, last_review: card.last_review?.toISOString() ?? null,
    due: card.due.toISOString(), now: now.toISOString(), rating,
  }))
  writeFileSync('../../src/test/resources/fsrs/bench-cards.jsonl', lines.join('\n') + '\n')
  const states = {}
  for (const l of lines) { const s = JSON.parse(l).state; states[s] = (states[s] ?? 0) + 1 }
  console.log(`wrote ${lines.length} cards`, states)
}
