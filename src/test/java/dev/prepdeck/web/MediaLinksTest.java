package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaLinksTest {
    @Test
    void a_media_reference_is_media_slash_one_file_name_with_escapes_decoded() {
        assertThat(MediaLinks.name("media/join.png")).contains("join.png");
        assertThat(MediaLinks.name("media/my%20plan.png")).contains("my plan.png");
        assertThat(MediaLinks.name("media/%E6%89%A7.png")).contains("执.png");
        assertThat(MediaLinks.name("media/a+b.png")).contains("a+b.png");
        assertThat(MediaLinks.name("/media/join.png")).isEmpty();
        assertThat(MediaLinks.name("../media/join.png")).isEmpty();
        assertThat(MediaLinks.name("Media/join.png")).isEmpty();
        assertThat(MediaLinks.name("media/")).isEmpty();
        assertThat(MediaLinks.name("media/sub/join.png")).isEmpty();
        assertThat(MediaLinks.name("media/..")).isEmpty();
        assertThat(MediaLinks.name("media/%2e%2e")).isEmpty();
        assertThat(MediaLinks.name("media/..%2Fprepdeck.db")).isEmpty();
        assertThat(MediaLinks.name("media/x%5C..%5Cy")).isEmpty();
        assertThat(MediaLinks.name("media/x.png?v=2")).isEmpty();
        assertThat(MediaLinks.name("media/%ZZ.png")).isEmpty();
        assertThat(MediaLinks.name("media/%FF.png")).as("not UTF-8").isEmpty();
    }

    @Test
    void sounds_are_known_by_their_extension_in_any_case() {
        assertThat(MediaLinks.isAudio("a.mp3")).isTrue();
        assertThat(MediaLinks.isAudio("a.M4A")).isTrue();
        assertThat(MediaLinks.isAudio("a.opus")).isTrue();
        assertThat(MediaLinks.isAudio("a.png")).isFalse();
        assertThat(MediaLinks.isAudio("mp3")).isFalse();
    }

    @Test
    void references_are_found_with_their_lines_in_images_links_and_definitions_but_not_in_code() {
        String markdown = """
                Intro ![join](media/join.png) and [the plan](media/plan.png).

                - [sound: word.mp3](media/word.mp3)
                - ![ref][diagram]

                `![not](media/code.png)`

                    ![not](media/indented.png)

                [diagram]: media/diagram.svg
                ![elsewhere](https://example.org/x.png)
                """;

        assertThat(MediaLinks.find(markdown)).containsExactly(
                new MediaLinks.Reference("join.png", 1, true),
                new MediaLinks.Reference("plan.png", 1, false),
                new MediaLinks.Reference("word.mp3", 3, false),
                new MediaLinks.Reference("diagram.svg", 4, true));
    }

    @Test
    void a_destination_spelled_with_an_entity_or_a_backslash_escape_is_still_a_reference() {
        assertThat(MediaLinks.find("![a](&#109;&#101;&#100;&#105;&#97;&#47;join.png) [b](media&#x2F;plan.png)"))
                .containsExactly(new MediaLinks.Reference("join.png", 1, true),
                        new MediaLinks.Reference("plan.png", 1, false));
        assertThat(MediaLinks.find("line one\n![a](media\\/join.png)"))
                .containsExactly(new MediaLinks.Reference("join.png", 2, true));
        assertThat(MediaLinks.find("No media here, only [a link](https://example.org/x.png).")).isEmpty();
    }

    @Test
    void renaming_rewrites_only_the_destinations_of_the_renamed_files_and_keeps_every_other_character() {
        String markdown = """
                ![a [x](c) b](media/my%20plan.png "media/my%20plan.png") ![other](media/other.png)
                [sound](<media/my plan.png>) `![code](media/my%20plan.png)`
                ![ref][p]

                [p]:
                  media/my%20plan.png 'title'
                """;

        String renamed = MediaLinks.rename(markdown, Map.of("my plan.png", "my-plan.png"));

        assertThat(renamed).isEqualTo("""
                ![a [x](c) b](media/my-plan.png "media/my%20plan.png") ![other](media/other.png)
                [sound](<media/my-plan.png>) `![code](media/my%20plan.png)`
                ![ref][p]

                [p]:
                  media/my-plan.png 'title'
                """);
        assertThat(MediaLinks.find(renamed)).extracting(MediaLinks.Reference::name)
                .containsExactly("my-plan.png", "other.png", "my-plan.png", "my-plan.png");
        assertThat(MediaLinks.rename(markdown, Map.of())).isSameAs(markdown);
    }
}
