package dev.prepdeck.anki.text;

import java.util.List;

/**
 * One row of a text file as a card.
 *
 * @param line     where the row starts in the file (1-based), for messages
 * @param question Markdown
 * @param answer   Markdown
 * @param deck     the row's deck, else the file's #deck, else null
 * @param guid     the row's guid column, else null
 */
public record TextCard(int line, String question, String answer, List<String> tags, String deck, String guid) {

    public TextCard {
        tags = List.copyOf(tags);
    }
}
