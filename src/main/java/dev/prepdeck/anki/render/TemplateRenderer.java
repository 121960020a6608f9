package dev.prepdeck.anki.render;

import dev.prepdeck.error.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's card template language: {@code {{Field}}}, {@code {{filter:Field}}} (filters apply right to left),
 * sections {@code {{#Field}}…{{/Field}}} (shown when the field is not empty) and {@code {{^Field}}…{{/Field}}}
 * (shown when it is). Unknown fields render empty and unknown filters leave the text as it is; both are reported.
 */
final class TemplateRenderer {
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern FURIGANA = Pattern.compile(" ?([^ >]+?)\\[(.+?)]");

    /** What the template renders from: field values (HTML) and special fields such as FrontSide, Tags, Deck. */
    record Context(Map<String, String> values, Integer clozeOrdinal, ClozeText.Side side) {
    }

    /** The rendered HTML and what was noticed along the way. */
    record Rendered(String html, boolean typesAnswer, List<String> clozeFields, List<Notice> warnings) {
    }

    private sealed interface Node permits Literal, Replacement, Section {
    }

    private record Literal(String text) implements Node {
    }

    private record Replacement(String field, List<String> filters) implements Node {
    }

    private record Section(String field, boolean inverted, List<Node> body) implements Node {
    }

    private final List<Node> nodes;
    private final List<Notice> parseWarnings;

    private TemplateRenderer(List<Node> nodes, List<Notice> parseWarnings) {
        this.nodes = nodes;
        this.parseWarnings = parseWarnings;
    }

    static TemplateRenderer parse(String template) {
        List<Notice> warnings = new ArrayList<>();
        List<Node> nodes = new Parser(template == null ? "" : template, warnings).nodes();
        return new TemplateRenderer(nodes, warnings);
    }

    Rendered render(Context context) {
        State state = new State(context, new ArrayList<>(parseWarnings));
        StringBuilder out = new StringBuilder();
        state.render(nodes, out);
        return new Rendered(out.toString(), state.typesAnswer, List.copyOf(state.clozeFields),
                List.copyOf(state.warnings));
    }

    private static final class Parser {
        private final String template;
        private final List<Notice> warnings;
        private final Matcher tags;
        private int at;

        Parser(String template, List<Notice> warnings) {
            this.template = template;
            this.warnings = warnings;
            this.tags = TAG.matcher(template);
        }

        List<Node> nodes() {
            return body(null);
        }

        /** Nodes up to the {{/field}} that closes {@code open}, or to the end. */
        private List<Node> body(String open) {
            List<Node> result = new ArrayList<>();
            while (tags.find(at)) {
                if (tags.start() > at) {
                    result.add(new Literal(template.substring(at, tags.start())));
                }
                at = tags.end();
                String inner = tags.group(1).trim();
                if (inner.startsWith("#") || inner.startsWith("^")) {
                    String field = inner.substring(1).trim();
                    result.add(new Section(field, inner.startsWith("^"), body(field)));
                } else if (inner.startsWith("/")) {
                    String field = inner.substring(1).trim();
                    if (field.equals(open)) {
                        return result;
                    }
                    warnings.add(Notice.of("anki.warning.templateCloses", "{{/" + field + "}}"));
                } else if (!inner.startsWith("!")) {
                    List<String> parts = List.of(inner.split(":", -1));
                    String field = parts.get(parts.size() - 1).trim();
                    List<String> filters = parts.subList(0, parts.size() - 1).stream().map(String::trim).toList();
                    result.add(new Replacement(field, filters));
                }
            }
            if (at < template.length()) {
                result.add(new Literal(template.substring(at)));
                at = template.length();
            }
            if (open != null) {
                warnings.add(Notice.of("anki.warning.templateOpens", "{{#" + open + "}}"));
            }
            return result;
        }
    }

    private static final class State {
        private final Context context;
        private final List<Notice> warnings;
        private final List<String> clozeFields = new ArrayList<>();
        private boolean typesAnswer;

        State(Context context, List<Notice> warnings) {
            this.context = context;
            this.warnings = warnings;
        }

        void render(List<Node> nodes, StringBuilder out) {
            for (Node node : nodes) {
                if (node instanceof Literal literal) {
                    out.append(literal.text());
                } else if (node instanceof Section section) {
                    String value = context.values().get(section.field());
                    boolean empty = value == null || FieldText.isEmpty(value);
                    if (empty == section.inverted()) {
                        render(section.body(), out);
                    }
                } else if (node instanceof Replacement replacement) {
                    out.append(replace(replacement));
                }
            }
        }

        private String replace(Replacement replacement) {
            String field = replacement.field();
            String value = context.values().get(field);
            if (value == null) {
                if (!field.isEmpty()) {
                    warnings.add(Notice.of("anki.warning.unknownField", "{{" + field + "}}"));
                }
                value = "";
            }
            List<String> filters = replacement.filters();
            for (int i = filters.size() - 1; i >= 0; i--) {
                value = filter(filters.get(i), field, value, filters.subList(0, i));
            }
            return value;
        }

        private String filter(String name, String field, String value, List<String> outer) {
            String base = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : name;
            switch (base) {
                case "cloze" -> {
                    clozeFields.add(field);
                    return context.clozeOrdinal() == null
                            ? value : ClozeText.parse(value).render(context.clozeOrdinal(), context.side());
                }
                case "cloze-only" -> {
                    return context.clozeOrdinal() == null ? value : ClozeText.parse(value).activeOnly(context.clozeOrdinal());
                }
                case "type" -> {
                    typesAnswer = true;
                    return context.side() == ClozeText.Side.QUESTION ? "" : value;
                }
                case "nc" -> {
                    // type:nc:Field compares ignoring combining characters; the text itself is unchanged
                    return value;
                }
                case "text" -> {
                    return escape(FieldText.strip(value));
                }
                case "hint" -> {
                    return FieldText.isEmpty(value) ? "" : "<i>Hint:</i> " + value;
                }
                case "kanji" -> {
                    return FURIGANA.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
                }
                case "kana" -> {
                    return FURIGANA.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
                }
                case "furigana" -> {
                    return FURIGANA.matcher(value).replaceAll(m -> Matcher.quoteReplacement(
                            m.group(1) + "(" + m.group(2) + ")"));
                }
                case "tts", "tts-voices" -> {
                    return value;
                }
                default -> {
                    warnings.add(Notice.of("anki.warning.unknownFilter", name, "{{" + String.join(":", outer)
                            + (outer.isEmpty() ? "" : ":") + name + ":" + field + "}}"));
                    return value;
                }
            }
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
