package dev.prepdeck.anki.importing;

import dev.prepdeck.anki.render.HtmlToMarkdown;
import dev.prepdeck.fsrs.FsrsParameters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How an import reads dates and replays history.
 *
 * @param zone       the learner's zone: Anki day numbers become the start of that day in it
 * @param now        the import's time: new cards become due then
 * @param parameters the FSRS parameters a card's history is replayed with when cards.data has no memory state
 * @param converter  field HTML to Markdown, with the media links the caller wants
 */
public record ImportOptions(ZoneId zone, Instant now, FsrsParameters parameters, HtmlToMarkdown converter) {

    public ImportOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(converter, "converter");
    }

    /** FSRS-6 defaults without fuzz (a replay should give the same state every time), media names kept. */
    public static ImportOptions of(ZoneId zone, Instant now) {
        return new ImportOptions(zone, now, FsrsParameters.defaults().withEnableFuzz(false), new HtmlToMarkdown());
    }
}
