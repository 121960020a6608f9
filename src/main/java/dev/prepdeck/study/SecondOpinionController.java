package dev.prepdeck.study;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.judge.JudgeSettings;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.review.Learner;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.Messages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The page where a learner points practice checks at their own OpenAI-compatible judge, or turns it off. */
public final class SecondOpinionController {
    private final SecondOpinionService opinions;

    public SecondOpinionController(SecondOpinionService opinions) {
        this.opinions = opinions;
    }

    public void form(Context ctx) {
        Optional<JudgeSettings> saved = opinions.settings(Learner.DEFAULT_ID);
        Map<String, Object> model = new HashMap<>();
        model.put("url", saved.map(s -> s.url().toString()).orElse(""));
        model.put("model", saved.map(JudgeSettings::model).orElse(""));
        model.put("timeoutSeconds", saved.map(JudgeSettings::timeoutSeconds).orElse(JudgeSettings.DEFAULT_TIMEOUT_SECONDS));
        model.put("remoteHost", saved.filter(JudgeSettings::leavesThisMachine).map(s -> s.url().getHost()).orElse(null));
        model.put("configured", saved.isPresent());
        model.put("error", null);
        model.put("errorField", null);
        ctx.render("study/second-opinion.html", model);
    }

    public void save(Context ctx) {
        String url = ctx.formParam("url");
        String modelName = ctx.formParam("model");
        String timeout = ctx.formParam("timeoutSeconds");
        JudgeSettings settings;
        try {
            settings = JudgeSettings.parse(url, modelName, timeout);
        } catch (InvalidInputException e) {
            Map<String, Object> model = new HashMap<>();
            model.put("url", url == null ? "" : url);
            model.put("model", modelName == null ? "" : modelName);
            model.put("timeoutSeconds", timeout == null ? "" : timeout);
            model.put("remoteHost", null);
            model.put("configured", opinions.settings(Learner.DEFAULT_ID).isPresent());
            model.put("error", Messages.text(ctx, "judge.error." + e.field()));
            model.put("errorField", e.field());
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("study/second-opinion.html", model);
            return;
        }
        opinions.save(Learner.DEFAULT_ID, settings);
        Flash.show(ctx, settings.leavesThisMachine()
                ? Messages.text(ctx, "judge.saved.remote", settings.model(), settings.url().getHost())
                : Messages.text(ctx, "judge.saved.local", settings.model()));
        ctx.redirect("/practice/judge", HttpStatus.SEE_OTHER);
    }

    public void turnOff(Context ctx) {
        opinions.turnOff(Learner.DEFAULT_ID);
        Flash.show(ctx, Messages.text(ctx, "judge.turned.off"));
        ctx.redirect("/practice/judge", HttpStatus.SEE_OTHER);
    }
}
