/**
 * Deck files: one Markdown file per deck, read by {@link dev.prepdeck.deck.file.DeckFileParser} and written
 * by {@link dev.prepdeck.deck.file.DeckFileWriter}.
 *
 * <pre>
 * ---                               optional; keys: deck (or name), description, tags
 * tags: ml, deployment
 * ---
 *
 * # ML Interview::Deployment        deck name; '::' nests decks
 *
 * Description paragraphs.
 *
 * ## A question, on one line         every top-level level-2 heading (ATX or Setext) is a card
 * &lt;!-- id: stable-id --&gt;             metadata comments, only directly under the question
 * &lt;!-- tags: a, b --&gt;
 * &lt;!-- target: 120s --&gt;              any other key lands in CardSource.meta
 *
 * The answer: any Markdown up to the next card, kept exactly as written.
 * </pre>
 *
 * Headings are found in commonmark's syntax tree, so a '## ' line inside a code fence, quote or list
 * belongs to the answer.
 */
package dev.prepdeck.deck.file;
