package dev.prepdeck.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core injected into the page under test; serious and critical violations fail the test. */
final class Axe {
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (result) {
              done(result.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return {
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(function (n) {
                      return n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                    })
                  };
                }));
            }).catch(function (e) { done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]); });
            """;

    private final String source;

    Axe(String source) {
        this.source = source;
    }

    /** Runs axe on the current document; {@code where} names the page and view for the failure message. */
    void check(JavascriptExecutor page, String where) {
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(source);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.executeAsyncScript(RUN);
        assertThat(violations)
                .as(() -> "serious or critical accessibility violations on " + where + ":\n" + describe(violations))
                .isEmpty();
    }

    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream()
                .map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n    "
                        + ((List<?>) v.get("nodes")).stream().map(String::valueOf)
                                .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }
}
