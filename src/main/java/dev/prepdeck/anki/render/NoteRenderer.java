package dev.prepdeck.anki.render;

import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.error.Notice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a card's front and back from its note's fields and its template, as Anki would, and converts both to
 * Markdown. The answer is what the back adds to the front: the part after Anki's {@code <hr id=answer>} marker
 * when there is one, else the back with {@code {{FrontSide}}} left empty.
 */
public final class NoteRenderer {
    private static final Pattern ANSWER_MARKER =
            Pattern.compile("<hr[^>]*\\bid\\s*=\\s*[\"']?answer\\b[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);

    private final HtmlToMarkdown converter;
    private final Map<String, TemplateRenderer> parsed = new HashMap<>();

    public NoteRenderer() {
        this(new HtmlToMarkdown());
    }

    public NoteRenderer(HtmlToMarkdown converter) {
        this.converter = converter;
    }

    /**
     * @param deck the card's home deck (for {@code {{Deck}}} and {@code {{Subdeck}}}); null if unknown
     */
    public RenderedCard render(NoteType type, AnkiNote note, AnkiCard card, AnkiDeck deck) {
        List<Notice> warnings = new ArrayList<>();
        boolean cloze = type.kind() == NoteType.Kind.CLOZE;
        CardTemplate template = template(type, card, warnings);
        Integer clozeNumber = cloze ? card.ord() + 1 : null;
        Map<String, String> values = values(type, note, card, deck, template);

        TemplateRenderer.Rendered front = template(template.questionFormat())
                .render(new TemplateRenderer.Context(values, clozeNumber, ClozeText.Side.QUESTION));
        values.put("FrontSide", "");
        TemplateRenderer.Rendered back = template(template.answerFormat())
                .render(new TemplateRenderer.Context(values, clozeNumber, ClozeText.Side.ANSWER));
        String answerHtml = back.html();
        var marker = ANSWER_MARKER.matcher(answerHtml);
        if (marker.find()) {
            answerHtml = answerHtml.substring(marker.end());
        }

        HtmlToMarkdown.Conversion question = converter.convert(front.html());
        HtmlToMarkdown.Conversion answer = converter.convert(answerHtml);
        Set<String> media = new LinkedHashSet<>(question.media());
        media.addAll(answer.media());
        Set<Notice> allWarnings = new LinkedHashSet<>(warnings);
        allWarnings.addAll(front.warnings());
        allWarnings.addAll(back.warnings());

        String clozeSource = null;
        if (cloze) {
            List<String> clozeFields = new ArrayList<>(front.clozeFields());
            clozeFields.addAll(back.clozeFields());
            String field = clozeFields.isEmpty() ? type.fields().isEmpty() ? null : type.fields().get(0)
                    : clozeFields.get(0);
            String html = field == null ? "" : values.getOrDefault(field, "");
            clozeSource = converter.convert(html).markdown();
        }
        return new RenderedCard(card.id(), note.id(), question.markdown(), answer.markdown(), clozeNumber, clozeSource,
                front.typesAnswer() || back.typesAnswer(), media, List.copyOf(allWarnings));
    }

    private TemplateRenderer template(String source) {
        return parsed.computeIfAbsent(source, TemplateRenderer::parse);
    }

    private static CardTemplate template(NoteType type, AnkiCard card, List<Notice> warnings) {
        if (type.templates().isEmpty()) {
            warnings.add(Notice.of("anki.warning.noTemplate", type.name()));
            return fieldsTemplate(type);
        }
        if (type.kind() == NoteType.Kind.CLOZE) {
            return type.templates().get(0);
        }
        if (card.ord() < 0 || card.ord() >= type.templates().size()) {
            warnings.add(Notice.of("anki.warning.noSuchTemplate", String.valueOf(card.id()), card.ord() + 1, type.name(),
                    type.templates().size()));
            return type.templates().get(0);
        }
        return type.templates().get(card.ord());
    }

    /** For a note type without templates: the first field asks, the others answer. */
    private static CardTemplate fieldsTemplate(NoteType type) {
        List<String> fields = type.fields();
        String front = fields.isEmpty() ? "" : "{{" + fields.get(0) + "}}";
        StringBuilder back = new StringBuilder();
        for (String field : fields.subList(Math.min(1, fields.size()), fields.size())) {
            back.append("<div>{{").append(field).append("}}</div>");
        }
        return new CardTemplate("Card 1", 0, front, back.toString());
    }

    private static Map<String, String> values(NoteType type, AnkiNote note, AnkiCard card, AnkiDeck deck,
            CardTemplate template) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < type.fields().size(); i++) {
            values.put(type.fields().get(i), i < note.fields().size() ? note.fields().get(i) : "");
        }
        values.put("Tags", String.join(" ", note.tags()));
        String deckName = deck == null ? "" : deck.name();
        values.put("Deck", deckName);
        int last = deckName.lastIndexOf(AnkiDeck.SEPARATOR);
        values.put("Subdeck", last < 0 ? deckName : deckName.substring(last + AnkiDeck.SEPARATOR.length()));
        values.put("Card", template.name());
        values.put("Type", type.name());
        values.put("CardFlag", card.flag() == 0 ? "" : "flag" + card.flag());
        return values;
    }
}
