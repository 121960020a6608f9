// Fresh-vector check of the Java replay command against ts-fsrs, on a seed the tests never saw.
//   node check-replay.mjs [seed] [cards] [jar]
// Exits non-zero on any mismatch.
import { spawn } from 'node:child_process'
import { randomCase, rng } from './vectors.mjs'

const seed = Number(process.argv[2] ?? (Date.now() % 2147483647))
const cards = Number(process.argv[3] ?? 5000)
const jar = process.argv[4] ?? new URL('../../target/prepdeck.jar', import.meta.url).pathname

const r = rng(seed)
const cases = Array.from({ length: cards }, () => randomCase(r))
const input = cases.map(({ params, steps }) => JSON.stringify({ params, steps })).join('\n') + '\n'

const java = spawn('java', ['-jar', jar, 'fsrs', 'replay'], { stdio: ['pipe', 'pipe', 'inherit'] })
let stdout = ''
java.stdout.setEncoding('utf8')
java.stdout.on('data', (chunk) => (stdout += chunk))
const started = Date.now()
java.stdin.end(input)
const exitCode = await new Promise((resolve) => java.on('close', resolve))
const seconds = (Date.now() - started) / 1000

const relClose = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b))
const EXACT = ['state', 'due', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'elapsed_days']
const lines = stdout.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '')
const mismatches = []
let steps = 0
let fuzzed = 0
cases.forEach((c, i) => {
  if (c.params.enable_fuzz) fuzzed++
  const out = lines[i] === undefined ? { error: 'missing output line' } : JSON.parse(lines[i])
  if (out.error) {
    mismatches.push(`line ${i + 1}: ${out.error}`)
    return
  }
  c.expected.forEach((e, s) => {
    steps++
    const a = out.steps[s]
    const bad = []
    for (const f of ['stability', 'difficulty']) if (!relClose(e[f], a?.[f])) bad.push(`${f} ${a?.[f]} != ${e[f]}`)
    for (const f of EXACT) if (e[f] !== a?.[f]) bad.push(`${f} ${a?.[f]} != ${e[f]}`)
    if (bad.length) mismatches.push(`line ${i + 1} step ${s}: ${bad.join(', ')}`)
  })
})

console.log(`seed ${seed}: ${cards} cards (${fuzzed} with fuzz), ${steps} reviews, java exit ${exitCode}, ${seconds.toFixed(2)} s`)
console.log(`${steps - mismatches.length} passed, ${mismatches.length} failed`)
for (const m of mismatches.slice(0, 20)) console.log('  ' + m)
process.exit(mismatches.length === 0 && exitCode === 0 && lines.length === cards ? 0 : 1)
