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
        assertThat(PrepdeckGuids.uidForNote(guid)).isEqualTo(uid);
    }

    @Test
    void other_guids_become_uids_safe_for_deck_files() {
        assertThat(PrepdeckGuids.uidFromGuid("uWFq9<9S*v")).isEmpty();
        assertThat(PrepdeckGuids.uidForNote("a-->b")).isEqualTo("anki-612d2d3e62");
        assertThat(PrepdeckGuids.uidFromGuid("prepdeck:%zz")).isEmpty();
    }
}
