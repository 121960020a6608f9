package dev.prepdeck.anki;

import java.util.List;
import java.util.Objects;

/**
 * An Anki note type ("model"): its fields in order and its card templates.
 *
 * @param sortFieldIndex the field Anki sorts and searches by (notes.sfld)
 * @param modifiedSeconds when it last changed; Anki's importer keeps the newer of two note types with the same id
 */
public record NoteType(
        long id,
        String name,
        Kind kind,
        List<String> fields,
        List<CardTemplate> templates,
        int sortFieldIndex,
        String css,
        long modifiedSeconds) {

    /** Standard note types make one card per template; cloze note types one card per cloze number. */
    public enum Kind { STANDARD, CLOZE }

    public NoteType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
        templates = List.copyOf(templates);
        css = css == null ? "" : css;
    }

    public int fieldIndex(String fieldName) {
        return fields.indexOf(fieldName);
    }
}
