package dev.prepdeck.anki;

import java.util.List;
import java.util.Objects;

/**
 * A note: the field values (HTML, in the note type's field order) that its cards are rendered from.
 *
 * @param guid            globally unique id; Anki matches notes by it when a package is imported again
 * @param modifiedSeconds Anki updates an existing note on import only when this is newer
 */
public record AnkiNote(long id, String guid, long noteTypeId, long modifiedSeconds, List<String> tags,
        List<String> fields) {

    public AnkiNote {
        Objects.requireNonNull(guid, "guid");
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
    }
}
