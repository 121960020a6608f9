package dev.prepdeck.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.ReturnTo;
import dev.prepdeck.web.Theme;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The settings page, its JSON twin, the footer's language switch, and the filter that draws every page in the
 * learner's language and theme.
 */
public final class SettingsController {
    private final SettingsService settings;
    private final ToLongFunction<Context> learner;

    /** {@code learner}: whose settings a request reads and changes. */
    public SettingsController(SettingsService settings, ToLongFunction<Context> learner) {
        this.settings = settings;
        this.learner = learner;
    }

    /**
     * Draws the request in the learner's language (unless the browser decides) and theme: the accounts filter calls it
     * with the settings it read together with the session, before every page and API answer but static files and the
     * login page (where nobody has chosen yet).
     */
    public static void choose(Context ctx, Settings chosen) {
        Language.choose(ctx, chosen.language().locale().orElse(null));
        ctx.attribute(Theme.CHOSEN_ATTRIBUTE, chosen.theme() == Settings.Theme.SYSTEM ? null : chosen.theme().code());
    }

    public void page(Context ctx) {
        render(ctx, formOf(settings.of(learner.applyAsLong(ctx))), null);
    }

    public void save(Context ctx) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (SettingsInput.Field field : SettingsInput.Field.values()) {
            entered.put(field.fieldName(), Params.formText(ctx, field.fieldName()));
        }
        try {
            Settings saved = settings.change(learner.applyAsLong(ctx), entered, Language.of(ctx));
            choose(ctx, saved);
            Flash.show(ctx, Messages.text(ctx, "settings.saved"));
            ctx.redirect("/settings", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, entered, e);
        }
    }

    /** The footer's switch: stores the language and goes back to the page it was pressed on. */
    public void switchLanguage(Context ctx) {
        String back = ReturnTo.local(Params.formText(ctx, "return")).orElseThrow(() ->
                new InvalidInputException("return", Messages.text(ctx, "settings.error.return")));
        choose(ctx, settings.change(learner.applyAsLong(ctx),
                Map.of(SettingsInput.Field.LANGUAGE.fieldName(), Params.formText(ctx, "language")), Language.of(ctx)));
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    public void api(Context ctx) {
        ctx.json(json(settings.of(learner.applyAsLong(ctx))));
    }

    /** Changes the fields sent and answers with every setting; a field not sent keeps its value. */
    public void apiChange(Context ctx) {
        Locale locale = Language.of(ctx);
        Map<String, String> changes = new LinkedHashMap<>();
        JsonBody.of(ctx).fields().forEach((name, value) -> changes.put(name, text(name, value, locale)));
        ctx.json(json(settings.change(learner.applyAsLong(ctx), changes, locale)));
    }

    /** A JSON value as the form would send it: null is "not chosen", and numbers and texts must be what they should. */
    private static String text(String name, JsonNode value, Locale locale) {
        if (value.isNull()) {
            return "";
        }
        return SettingsInput.Field.named(name).map(field -> {
            boolean fits = field.number() ? value.isNumber() : value.isTextual();
            if (!fits) {
                throw SettingsInput.invalid(field, value.toString(), locale);
            }
            return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
        }).orElse(value.asText());
    }

    private static Map<String, Object> json(Settings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("language", s.language().code());
        json.put("timeZone", s.timeZone() == null ? null : s.timeZone().getId());
        json.put("rolloverHour", s.rolloverHour());
        json.put("newCardsPerDay", s.newCardsPerDay());
        json.put("reviewsPerDay", s.reviewsPerDay());
        json.put("desiredRetention", s.desiredRetention());
        json.put("learningSteps", s.learningSteps());
        json.put("practiceTargetSeconds", s.practiceTargetSeconds());
        json.put("answerBox", s.answerBox().code());
        json.put("theme", s.theme().code());
        return json;
    }

    /** The settings as the form's fields show them: an open choice is an empty field. */
    private static Map<String, String> formOf(Settings s) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", s.language().code());
        form.put("timeZone", s.timeZone() == null ? "" : s.timeZone().getId());
        form.put("rolloverHour", Integer.toString(s.rolloverHour()));
        form.put("newCardsPerDay", Integer.toString(s.newCardsPerDay()));
        form.put("reviewsPerDay", Integer.toString(s.reviewsPerDay()));
        form.put("desiredRetention", s.desiredRetention() == null ? ""
                : BigDecimal.valueOf(s.desiredRetention()).stripTrailingZeros().toPlainString());
        form.put("learningSteps", s.learningSteps() == null ? "" : s.learningSteps());
        form.put("practiceTargetSeconds", s.practiceTargetSeconds() == null ? "" : s.practiceTargetSeconds().toString());
        form.put("answerBox", s.answerBox().code());
        form.put("theme", s.theme().code());
        return form;
    }

    private void render(Context ctx, Map<String, String> form, InvalidInputException error) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("zones", settings.zoneNames());
        model.put("machineZone", ZoneId.systemDefault().getId());
        model.put("error", error == null ? null : error.getMessage());
        model.put("errorField", error == null ? null : error.field());
        ctx.render("settings/page.html", model);
    }
}
