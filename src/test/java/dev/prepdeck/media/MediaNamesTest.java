package dev.prepdeck.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaNamesTest {
    @Test
    void a_plain_name_stays_as_it_is_in_any_script() {
        assertThat(MediaNames.normalise("sql-join.png")).isEqualTo("sql-join.png");
        assertThat(MediaNames.normalise("Figure_2.JPG")).isEqualTo("Figure_2.JPG");
        assertThat(MediaNames.normalise("执行计划.png")).isEqualTo("执行计划.png");
    }

    @Test
    void spaces_punctuation_and_invisible_characters_become_one_dash() {
        assertThat(MediaNames.normalise("my diagram (v2).png")).isEqualTo("my-diagram-v2.png");
        assertThat(MediaNames.normalise("  a  b?#%.mp3 ")).isEqualTo("a-b.mp3");
        assertThat(MediaNames.normalise("invoice\u202Egnp.exe")).as("a right-to-left override").isEqualTo("invoice-gnp.exe");
        assertThat(MediaNames.normalise("x<script>.svg")).isEqualTo("x-script.svg");
    }

    @Test
    void a_leading_dot_cannot_hide_a_file_and_an_empty_stem_gets_a_plain_one() {
        assertThat(MediaNames.normalise(".htaccess")).isEqualTo("media.htaccess");
        assertThat(MediaNames.normalise("...png")).isEqualTo("media.png");
        assertThat(MediaNames.normalise("!!!.png")).isEqualTo("media.png");
        assertThat(MediaNames.normalise("a..png")).isEqualTo("a.png");
    }

    @Test
    void composed_and_decomposed_accents_give_one_name() {
        assertThat(MediaNames.normalise("cafe\u0301.png")).isEqualTo(MediaNames.normalise("caf\u00E9.png"))
                .isEqualTo("caf\u00E9.png");
    }

    @Test
    void paths_dot_dot_and_control_characters_are_refused_with_the_reason() {
        assertThatThrownBy(() -> MediaNames.normalise("../../etc/passwd"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a path");
        assertThatThrownBy(() -> MediaNames.normalise("img/x.png")).hasMessageContaining("is a path");
        assertThatThrownBy(() -> MediaNames.normalise("C:\\x.png")).hasMessageContaining("is a path");
        assertThatThrownBy(() -> MediaNames.normalise("..")).hasMessage("media name '..' is not a file name");
        assertThatThrownBy(() -> MediaNames.normalise(".")).hasMessage("media name '.' is not a file name");
        assertThatThrownBy(() -> MediaNames.normalise("x\u0000.png"))
                .hasMessage("media name 'x\\u0000.png' contains a control character");
        assertThatThrownBy(() -> MediaNames.normalise("x\n.png")).hasMessageContaining("control character");
        assertThatThrownBy(() -> MediaNames.normalise(" ")).hasMessage("a media file needs a name");
        assertThatThrownBy(() -> MediaNames.normalise(null)).hasMessage("a media file needs a name");
    }

    @Test
    void a_long_name_is_cut_to_the_byte_limit_at_a_whole_character_keeping_its_extension() {
        String name = MediaNames.normalise("图".repeat(100) + ".png");
        assertThat(name).endsWith(".png").startsWith("图图");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MediaNames.MAX_NAME_BYTES)
                .isGreaterThan(MediaNames.MAX_NAME_BYTES - 3);
        assertThat(MediaNames.normalise("a".repeat(500) + ".mp3")).hasSize(MediaNames.MAX_NAME_BYTES);
    }
}
