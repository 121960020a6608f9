package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.rendering.FileRenderer;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.serializer.StandardJavaScriptSerializer;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders templates/NAME from the classpath; every page also gets the CSRF token for its forms, its main-menu
 * section, the flash message waiting for it, {@code assets} for the URLs of static files
 * ({@code ${assets.url('app.css')}}), the learner's {@link Theme} and the page's own address ({@code here}, for the
 * footer's language switch); {@code #{key}} texts come from {@link Messages} in the request's {@link Language}, and
 * {@code #locale} is that language for formatters that need it.
 */
public final class ThymeleafRenderer implements FileRenderer {
    private final TemplateEngine engine = new TemplateEngine();
    private final StaticAssets assets;

    public ThymeleafRenderer(StaticAssets assets) {
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        // No template inlines values into scripts; Thymeleaf's default serializer for them would build a Jackson
        // mapper (450 classes) at the first page, before any request needs JSON.
        StandardDialect dialect = new StandardDialect();
        dialect.setJavaScriptSerializer(new StandardJavaScriptSerializer(false));
        engine.setDialect(dialect);
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new RootLinkBuilder());
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** Lets @{/...} links work outside a servlet context: the site always runs at the root path. */
    private static final class RootLinkBuilder extends StandardLinkBuilder {
        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
        }
    }

    /**
     * The main-menu entry a page belongs to: the first path segment ("/" is the deck list), except that studying one
     * deck (its study page, its practice check) belongs with the decks: "Study all" is studying every deck.
     */
    static String navSection(Context ctx) {
        String[] segments = ctx.path().split("/");
        String section = segments.length < 2 ? "decks" : segments[1];
        if (!section.equals("study")) {
            return section;
        }
        return deckParam(ctx).filter(deck -> !deck.isBlank()).isPresent() ? "decks" : section;
    }

    /**
     * The deck a study page is for. A POST body that cannot be parsed is reported by the error page being drawn
     * now; reading it again here would throw inside that error page, so the menu does without the deck.
     */
    private static Optional<String> deckParam(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return Optional.ofNullable(ctx.queryParam("deck"));
        }
        try {
            return Optional.ofNullable(ctx.formParam("deck"));
        } catch (Exception unreadableBody) {
            return Optional.empty();
        }
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context(Language.of(ctx));
        model.forEach(context::setVariable);
        context.setVariable("csrfToken", CsrfProtection.token(ctx));
        context.setVariable("signedIn", SignedIn.orNull(ctx));
        context.setVariable("anonymous", SignedIn.isAnonymous(ctx));
        context.setVariable("assets", assets);
        context.setVariable("navSection", navSection(ctx));
        context.setVariable("flash", Flash.take(ctx));
        context.setVariable("theme", Theme.of(ctx));
        context.setVariable("here", ReturnTo.here(ctx));
        return engine.process(filePath.replaceFirst("\\.html$", ""), context);
    }
}
