package dev.prepdeck.anki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrepdeckGuidsTest {

    @Test
    void guid_is_stable_readable_and_gives_the_uid_back() {
        String uid = "decks/sql.md#group by ü%";
        String guid = PrepdeckGuids.guidFor(uid);
        assertThat(guid).isEqualTo("prepdeck:decks/sql.md#group%20by%20%C3%BC%25");
        assertThat(PrepdeckGuids.guidFor(uid)).isEqualTo(guid);
        assertThat(PrepdeckGuids.uidFromGuid(guid)).contains(uid);
        assertThat(PrepdeckGuids.uidForNote(PrepdeckGuids.guidFor("sql-group-by"))).isEqualTo("sql-group-by");
        assertThat(PrepdeckGuids.uidForNote(guid)).as("a uid a deck file would refuse as a card id")
                .startsWith("anki-").doesNotContain("#", " ", "%");
    }

    @Test
    void other_guids_become_uids_safe_for_deck_files() {
        assertThat(PrepdeckGuids.uidFromGuid("uWFq9<9S*v")).isEmpty();
        assertThat(PrepdeckGuids.uidForNote("a-->b")).isEqualTo("anki-612d2d3e62");
        assertThat(PrepdeckGuids.uidFromGuid("prepdeck:%zz")).isEmpty();
    }

    @Test
    void every_uid_is_a_card_id_deck_files_accept() {
        String longGuid = "x".repeat(40);
        assertThat(PrepdeckGuids.uidForNote("uWFq9<9S*v")).isEqualTo("anki-75574671393c39532a76");
        assertThat(PrepdeckGuids.uidForNoteCard("uWFq9<9S*v", 2)).isEqualTo("anki-75574671393c39532a76.2");
        assertThat(PrepdeckGuids.uidForNote(longGuid)).matches("anki-[0-9a-f]{40}");
        assertThat(PrepdeckGuids.uidForNoteCard(PrepdeckGuids.guidFor("y".repeat(64)), 3))
                .matches("anki-[0-9a-f]{40}\\.3");
        for (String uid : java.util.List.of(PrepdeckGuids.uidForNote(longGuid),
                PrepdeckGuids.uidForNoteCard(longGuid, 12), PrepdeckGuids.uidForNoteCard("a-->b", 1))) {
            assertThat(uid).matches("[\\p{L}\\p{Nd}._-]{1,64}");
        }
    }
}
