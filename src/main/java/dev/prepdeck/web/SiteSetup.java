package dev.prepdeck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;

/**
 * What every route shares, so the app's wiring only declares routes: templates, JSON, static files, the CSRF,
 * API and security-header filters, flash messages, and the mapping of every failure to a clear answer.
 */
public final class SiteSetup {
    private SiteSetup() {
    }

    public static void apply(JavalinConfig config, Clock clock) {
        config.startup.showJavalinBanner = false;
        Flash.register(config, clock);
        config.fileRenderer(new ThymeleafRenderer());
        config.jsonMapper(new JavalinJackson(jsonMapper(), false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
        });

        config.routes.before(CsrfProtection::issueToken);
        config.routes.before(CsrfProtection::verifyForm);
        config.routes.before("/api/*", ApiGuard::verify);
        config.routes.before(SecurityHeaders::apply);

        ErrorPages.register(config);
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
