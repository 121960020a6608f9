package dev.prepdeck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.time.Clock;

/**
 * What every route shares, so the app's wiring only declares routes: templates, JSON, static files, the
 * security-header, Host, body size, CSRF and API filters, flash messages, and the mapping of every failure to a
 * clear answer.
 */
public final class SiteSetup {
    private SiteSetup() {
    }

    public static void apply(JavalinConfig config, AllowedHosts hosts, Clock clock) {
        config.startup.showJavalinBanner = false;
        Flash.register(config, clock);
        StaticAssets assets = new StaticAssets(SiteSetup.class.getClassLoader(), "static");
        config.fileRenderer(new ThymeleafRenderer(assets));
        config.jsonMapper(new JavalinJackson(jsonMapper(), false));
        config.http.maxRequestSize = BodyLimit.MAX_BYTES;
        config.jetty.multipartConfig.maxTotalRequestSize(BodyLimit.MAX_MB, SizeUnit.MB);
        config.jetty.multipartConfig.maxFileSize(BodyLimit.MAX_MB, SizeUnit.MB);
        config.routes.get("/static/<file>", assets::serve);
        config.jetty.modifyServer(server -> server.setErrorHandler(SecurityHeaders.jettyErrors()));

        config.routes.before(SecurityHeaders::apply);
        config.routes.before(hosts::verify);
        config.routes.before(BodyLimit::verify);
        config.routes.before(CsrfProtection::issueToken);
        config.routes.before(CsrfProtection::verifyForm);
        config.routes.before("/api/*", ApiGuard::verify);

        ErrorPages.register(config);
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
