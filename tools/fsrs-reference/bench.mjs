// Times ts-fsrs on the benchmark card mix (see bench-cards.mjs), one thread:
//   node bench.mjs [seconds per measurement, default 5]
// Prints preview-of-four (f.repeat) and next (f.next) per second, fuzz off and on.
import { fsrs } from 'ts-fsrs'
import { benchCards, CARD_COUNT } from './bench-cards.mjs'

const seconds = Number(process.argv[2] ?? 5)
const mix = benchCards()
let sink = 0

function measure(label, op) {
  const warmEnd = performance.now() + 2000
  let i = 0
  while (performance.now() < warmEnd) for (let k = 0; k < 1000; k++) sink += op(mix[i++ & (CARD_COUNT - 1)])
  let ops = 0
  const start = performance.now()
  const end = start + seconds * 1000
  while (performance.now() < end) {
    for (let k = 0; k < 1000; k++) sink += op(mix[i++ & (CARD_COUNT - 1)])
    ops += 1000
  }
  const rate = ops / ((performance.now() - start) / 1000)
  console.log(`${label.padEnd(28)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} ops/s`)
}

for (const enable_fuzz of [false, true]) {
  const f = fsrs({ enable_fuzz })
  measure(`previewOfFour fuzz=${enable_fuzz}`, ({ card, now }) => f.repeat(card, now)[3].card.scheduled_days)
  measure(`next          fuzz=${enable_fuzz}`, ({ card, now, rating }) => f.next(card, now, rating).card.scheduled_days)
}
if (sink === -1) console.log(sink)
