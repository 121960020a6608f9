// Writes the committed differential-test vectors: node gen-vectors.mjs [seed] [cards] [outfile]
import { writeFileSync } from 'node:fs'
import { rng, randomCase } from './vectors.mjs'

const seed = Number(process.argv[2] ?? 20251129)
const cards = Number(process.argv[3] ?? 1200)
const out = process.argv[4] ?? '../../src/test/resources/fsrs/reference-vectors.jsonl'

if (!Number.isInteger(seed) || !Number.isInteger(cards)) {
  console.error('usage: node gen-vectors.mjs [seed:int] [cards:int] [outfile]')
  process.exit(2)
}
const r = rng(seed)
const lines = []
let steps = 0
for (let i = 0; i < cards; i++) {
  const c = randomCase(r)
  steps += c.steps.length
  lines.push(JSON.stringify(c))
}
writeFileSync(out, lines.join('\n') + '\n')
console.log(`wrote ${cards} cards, ${steps} steps to ${out}`)
