package dev.prepdeck.anki;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything in an Anki collection that a deck moving between Anki and prepdeck needs, in plain values. */
public record AnkiCollection(
        CollectionTiming timing,
        List<NoteType> noteTypes,
        List<AnkiDeck> decks,
        List<AnkiNote> notes,
        List<AnkiCard> cards,
        List<RevlogEntry> revlog) {

    public AnkiCollection {
        Objects.requireNonNull(timing, "timing");
        noteTypes = List.copyOf(noteTypes);
        decks = List.copyOf(decks);
        notes = List.copyOf(notes);
        cards = List.copyOf(cards);
        revlog = List.copyOf(revlog);
    }

    public Optional<NoteType> noteType(long id) {
        return noteTypes.stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<AnkiDeck> deck(long id) {
        return decks.stream().filter(d -> d.id() == id).findFirst();
    }

    public Map<Long, NoteType> noteTypesById() {
        return noteTypes.stream().collect(Collectors.toMap(NoteType::id, Function.identity()));
    }

    public Map<Long, AnkiDeck> decksById() {
        return decks.stream().collect(Collectors.toMap(AnkiDeck::id, Function.identity()));
    }

    public Map<Long, AnkiNote> notesById() {
        return notes.stream().collect(Collectors.toMap(AnkiNote::id, Function.identity()));
    }

    /** Review-log rows grouped per card, each list in time order. */
    public Map<Long, List<RevlogEntry>> revlogByCard() {
        return revlog.stream()
                .sorted(java.util.Comparator.comparingLong(RevlogEntry::id))
                .collect(Collectors.groupingBy(RevlogEntry::cardId, Collectors.toList()));
    }
}
