package dev.prepdeck.deck.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeckFileWriterTest {
    private final DeckFileParser parser = new DeckFileParser();
    private final DeckFileWriter writer = new DeckFileWriter();

    private static CardSource card(String question, String answer) {
        return new CardSource(null, question, answer, List.of(), Map.of(), 0);
    }

    private static DeckFile deck(CardSource... cards) {
        return new DeckFile("D", "", List.of(), List.of(cards));
    }

    /** Lines are where a card happened to sit in a file, so round trips compare everything else. */
    private static DeckFile withoutLines(DeckFile deck) {
        return new DeckFile(deck.name(), deck.description(), deck.tags(), deck.cards().stream()
                .map(c -> new CardSource(c.id(), c.question(), c.answer(), c.tags(), c.meta(), 0)).toList());
    }

    private DeckFile reread(String text) throws DeckFormatException {
        return withoutLines(parser.parse("written.md", text));
    }

    static Stream<String> fixtures() {
        return Fixtures.names().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void every_fixture_reads_back_unchanged_after_writing(String fixture) throws Exception {
        DeckFile parsed = parser.parse(fixture, Fixtures.text(fixture));

        String written = writer.write(parsed);

        assertThat(reread(written)).isEqualTo(withoutLines(parsed));
        assertThat(writer.write(parser.parse("again.md", written))).isEqualTo(written);
    }

    @Test
    void canonical_form_puts_deck_tags_in_front_matter_and_metadata_under_each_question() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("target", "120s");
        meta.put("Source", "");
        DeckFile deck = new DeckFile("ML::Ops", "Two lines\nof description.", List.of("ml", " ops "), List.of(
                new CardSource("q-1", "What is drift?", "Inputs change.\n\n- a\n- b", List.of("x", "y"), meta, 0),
                card("Why?", "Because.")));

        assertThat(writer.write(deck)).isEqualTo("""
                ---
                tags: ml, ops
                ---

                # ML::Ops

                Two lines
                of description.

                ## What is drift?
                <!-- id: q-1 -->
                <!-- tags: x, y -->
                <!-- target: 120s -->
                <!-- source: -->

                Inputs change.

                - a
                - b

                ## Why?

                Because.
                """);
    }

    @Test
    void deck_without_tags_or_description_starts_with_its_title() {
        assertThat(writer.write(new DeckFile("空::牌组", "", List.of(), List.of()))).isEqualTo("# 空::牌组\n");
    }

    @Test
    void question_ending_in_hashes_keeps_them() throws Exception {
        DeckFile deck = deck(card("Is it #", "a"), card("C#", "b"), card("#", "c"), card("Why ##", "d"));

        String written = writer.write(deck);

        assertThat(written).contains("## Is it # ##\n", "## C#\n", "## # ##\n");
        assertThat(reread(written)).isEqualTo(deck);
    }

    @Test
    void deck_name_ending_in_hash_keeps_it() throws Exception {
        DeckFile deck = new DeckFile("Languages::C #", "", List.of(), List.of());

        assertThat(reread(writer.write(deck))).isEqualTo(deck);
    }

    @Test
    void answer_heading_at_level_one_or_two_is_written_as_level_three() throws Exception {
        DeckFile deck = deck(card("Q", "Intro.\n\n## Part two ##\n\n# Big\n\nSetext\ntitle\n---\n\nEnd."),
                card("Next", "n"));

        String written = writer.write(deck);

        assertThat(reread(written).cards()).extracting(CardSource::question).containsExactly("Q", "Next");
        assertThat(reread(written).cards().get(0).answer())
                .isEqualTo("Intro.\n\n### Part two\n\n### Big\n\n### Setext title\n\nEnd.");
        assertThat(writer.write(parser.parse("again.md", written))).isEqualTo(written);
    }

    @Test
    void answer_hash_lines_inside_fences_quotes_and_lists_are_left_alone() throws Exception {
        String answer = "```md\n## inside\n```\n\n> ## quoted\n\n- ## listed\n\n\\## escaped";
        DeckFile deck = deck(card("Q", answer), card("Next", "n"));

        assertThat(reread(writer.write(deck))).isEqualTo(deck);
    }

    @Test
    void unclosed_fence_is_closed_when_cards_follow() throws Exception {
        DeckFile deck = deck(card("Q", "~~~~python\nprint(1)"), card("Next", "n"));

        DeckFile reread = reread(writer.write(deck));

        assertThat(reread.cards()).hasSize(2);
        assertThat(reread.cards().get(0).answer()).isEqualTo("~~~~python\nprint(1)\n~~~~");
    }

    @Test
    void unclosed_fence_in_the_last_card_round_trips_as_is() throws Exception {
        DeckFile deck = deck(card("Q", "```\nopen to the end"));

        assertThat(reread(writer.write(deck))).isEqualTo(deck);
    }

    @Test
    void unclosed_html_comment_before_another_card_is_rejected() {
        DeckFile deck = deck(card("Q", "Text\n\n<!-- never closed"), card("Next", "n"));

        assertThatThrownBy(() -> writer.write(deck)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer of card 'Q' has an unclosed HTML block that would swallow the cards after it");
    }

    @Test
    void crlf_and_blank_edges_in_an_answer_are_normalised() throws Exception {
        String written = writer.write(deck(card("  Q  ", "\r\n\r\nline one\r\nline two\r\n\r\n")));

        assertThat(written).isEqualTo("# D\n\n## Q\n\nline one\nline two\n");
    }

    @Test
    void two_line_question_is_rejected() {
        assertThatThrownBy(() -> writer.write(deck(card("one\ntwo", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("question must be one line: 'one\ntwo'");
    }

    @Test
    void decks_the_parser_would_refuse_are_rejected() {
        assertThatThrownBy(() -> writer.write(deck(card("Q", "  \n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("card 'Q' has no answer");
        assertThatThrownBy(() -> writer.write(deck(card("Q", "a"), card("Q", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate question 'Q'");
        assertThatThrownBy(() -> writer.write(deck(new CardSource("x y", "Q", "a", List.of(), Map.of(), 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad id 'x y': use 1-64 letters, digits, '-', '_' or '.'");
        assertThatThrownBy(() -> writer.write(deck(new CardSource(null, "Q", "a", List.of("a,b"), Map.of(), 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("card 'Q' has a tag with a comma: 'a,b'");
        assertThatThrownBy(() -> writer.write(deck(new CardSource(null, "Q", "a", List.of(), Map.of("id", "x"), 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("card 'Q' has a bad metadata key 'id'");
        assertThatThrownBy(() -> writer.write(deck(new CardSource(null, "Q", "a", List.of(), Map.of("t", "a-->"), 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata 't' must be one line without '-->': 'a-->'");
        assertThatThrownBy(() -> writer.write(new DeckFile("A::", "", List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deck name 'A::' has an empty part; write it as 'A::B'");
    }

    @Test
    void answer_starting_with_a_metadata_like_comment_is_rejected() {
        assertThatThrownBy(() -> writer.write(deck(card("Q", "<!-- note: hi -->\nText"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("answer of card 'Q' starts with a"
                        + " '<!-- key: value -->' comment, which would be read as metadata");
    }

    @Test
    void slug_makes_a_safe_export_file_name() {
        assertThat(DeckFileWriter.slug("ML Interview::Deployment")).isEqualTo("ml-interview--deployment.md");
        assertThat(DeckFileWriter.slug("数据库面试::SQL 基础")).isEqualTo("数据库面试--sql-基础.md");
        assertThat(DeckFileWriter.slug("A :: B :: C")).isEqualTo("a--b--c.md");
        assertThat(DeckFileWriter.slug("../../etc/passwd")).isEqualTo("etc-passwd.md");
        assertThat(DeckFileWriter.slug("C:\\Windows\\")).isEqualTo("c-windows.md");
        assertThat(DeckFileWriter.slug("C++ & Go!")).isEqualTo("c-go.md");
        assertThat(DeckFileWriter.slug("Café Crème")).isEqualTo("café-crème.md");
        assertThat(DeckFileWriter.slug("???::!!!")).isEqualTo("deck.md");
        assertThat(DeckFileWriter.slug("")).isEqualTo("deck.md");
    }

    @Test
    void slug_of_a_very_long_name_is_capped() {
        String slug = DeckFileWriter.slug("word ".repeat(60));

        assertThat(slug).hasSizeLessThanOrEqualTo(103).endsWith("word.md").doesNotContain("-.md");
    }
}
