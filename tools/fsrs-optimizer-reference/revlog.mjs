// Reads a review log CSV (card_id,review_rating,review_time,review_duration) and turns it into
// fsrs-rs training items the way fsrs-rs's own converter does: each card's reviews in time order,
// days counted between study days (a day starts at `dayStartHour` o'clock in `timeZone`), and one item
// per review that comes at least a day after the previous one, holding every review up to it
// (same-day reviews stay in the history with deltaT 0). Items are ordered by the time of their last
// review, which fsrs-rs's recency weighting and time-series split rely on.
import { readFileSync } from 'node:fs'

export function readRevlog(path) {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/)
  const header = lines[0].split(',')
  const column = (name) => {
    const index = header.indexOf(name)
    if (index < 0) throw new Error(`${path}:1: no column "${name}"`)
    return index
  }
  const [cardCol, ratingCol, timeCol] = [column('card_id'), column('review_rating'), column('review_time')]
  const reviews = []
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue
    const cells = lines[i].split(',')
    const time = Date.parse(cells[timeCol])
    const rating = Number(cells[ratingCol])
    if (Number.isNaN(time) || ![1, 2, 3, 4].includes(rating)) throw new Error(`${path}:${i + 1}: bad row`)
    reviews.push({ card: cells[cardCol], rating, time, line: i + 1 })
  }
  return reviews
}

/** Days since 1970-01-01 of the study day that `time` (ms) falls in. */
export function dayNumber(time, timeZone, dayStartHour) {
  const shifted = new Date(time - dayStartHour * 3_600_000)
  if (timeZone === 'UTC') return Math.floor(shifted.getTime() / 86_400_000)
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(shifted)
  const get = (type) => Number(parts.find((p) => p.type === type).value)
  return Math.floor(Date.UTC(get('year'), get('month') - 1, get('day')) / 86_400_000)
}

/**
 * Cards as [{rating, deltaT}] histories, and items as {card, length, reviews}: the card's first `length`
 * reviews, in the order of their last review.
 */
export function trainingItems(reviews, timeZone = 'UTC', dayStartHour = 0) {
  const byCard = new Map()
  for (const review of reviews) {
    if (!byCard.has(review.card)) byCard.set(review.card, [])
    byCard.get(review.card).push(review)
  }
  const cards = []
  const items = []
  for (const history of byCard.values()) {
    history.sort((a, b) => a.time - b.time || a.line - b.line)
    const steps = []
    let previousDay = null
    for (const review of history) {
      const day = dayNumber(review.time, timeZone, dayStartHour)
      const deltaT = previousDay === null ? 0 : Math.max(day - previousDay, 0)
      previousDay = day
      steps.push({ rating: review.rating, deltaT })
      if (steps.length > 1 && deltaT > 0) {
        items.push({ card: cards.length, length: steps.length, time: review.time, line: review.line })
      }
    }
    cards.push(steps)
  }
  items.sort((a, b) => a.time - b.time || a.line - b.line)
  for (const item of items) item.reviews = cards[item.card].slice(0, item.length)
  return { cards, items }
}
