package dev.prepdeck.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.web.Messages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegexSearchTest {
    @TempDir
    Path tempDir;

    @Test
    void a_pattern_that_backtracks_without_end_is_stopped_and_named() {
        SearchFixture fixture = new SearchFixture(tempDir);
        fixture.jdbi.useHandle(h -> h.execute("UPDATE card SET answer = ? WHERE id = ?", "a".repeat(40) + "!",
                fixture.id("short")));

        if (Dialect.of(fixture.jdbi) == Dialect.POSTGRESQL) {
            // PostgreSQL's own regular expressions run as automata, not by backtracking: the pattern is no work there
            assertThat(fixture.search.search(1, "deck:Tools \"re:((a+)+)+b\"", SortColumn.ADDED, SortOrder.ASCENDING,
                    1, 50).total()).isZero();
            return;
        }
        // ((a+)+)+b on forty a's tries more ways to split them than there is time for (Java memoizes (a+)+b, not this)
        assertThatThrownBy(() -> fixture.search.search(1, "deck:Tools \"re:((a+)+)+b\"", SortColumn.ADDED,
                SortOrder.ASCENDING, 1, 50))
                .isInstanceOfSatisfying(SearchSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("re:((a+)+)+b: this regular expression needs too much work on "
                            + "your cards; make it simpler (nested repeats such as (a+)+ are the usual cause)");
                    assertThat(e.position()).isEqualTo(15);
                    assertThat(e.code()).isEqualTo("tooMuchWork");
                    assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, e.key(), e.arguments().toArray()))
                            .startsWith("re:((a+)+)+b：这个正则表达式在你的卡片上计算量太大");
                });
        assertThat(fixture.search.search(1, "re:a{40}!", SortColumn.ADDED, SortOrder.ASCENDING, 1, 50).total())
                .isEqualTo(1);
    }
}
