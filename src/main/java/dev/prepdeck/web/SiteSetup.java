package dev.prepdeck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * What every route shares, so the app's wiring only declares routes: templates, JSON, static files, the
 * security-header, Host, body size, CSRF and API filters, flash messages, and the mapping of every failure to a
 * clear answer.
 */
public final class SiteSetup {
    /**
     * Javalin copies every answer (a page, JSON, a static file) to the connection through a buffer of this size, new
     * for each answer; its default is Jetty's whole output buffer, 32 KB, most of what a small JSON answer allocated
     * (BENCHMARKS.md, pipe19). Pieces this size are gathered in Jetty's own buffer, so a large page is still sent
     * in few writes.
     */
    static final int RESPONSE_COPY_BYTES = 4096;

    private SiteSetup() {
    }

    public static void apply(JavalinConfig config, AllowedHosts hosts, Clock clock) {
        config.startup.showJavalinBanner = false;
        Flash.register(config, clock);
        StaticAssets assets = new StaticAssets(SiteSetup.class.getClassLoader(), "static");
        config.fileRenderer(new ThymeleafRenderer(assets));
        config.jsonMapper(new JacksonOnFirstUse());
        config.http.maxRequestSize = BodyLimit.MAX_BYTES;
        config.http.responseBufferSize = RESPONSE_COPY_BYTES;
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

    /**
     * Javalin's JSON through Jackson, whose mapper is built at the first JSON body or answer: pages need none, and
     * building it loads some 450 classes while the server starts.
     */
    private static final class JacksonOnFirstUse implements JsonMapper {
        /** Built when first read (the JVM initialises a class once, thread-safely). */
        private static final class Built {
            static final JavalinJackson JACKSON = new JavalinJackson(jsonMapper(), false);
        }

        @Override
        public String toJsonString(Object value, Type type) {
            return Built.JACKSON.toJsonString(value, type);
        }

        @Override
        public InputStream toJsonStream(Object value, Type type) {
            return Built.JACKSON.toJsonStream(value, type);
        }

        @Override
        public void writeToOutputStream(Stream<?> stream, OutputStream out) {
            Built.JACKSON.writeToOutputStream(stream, out);
        }

        @Override
        public <T> T fromJsonString(String json, Type type) {
            return Built.JACKSON.fromJsonString(json, type);
        }

        @Override
        public <T> T fromJsonStream(InputStream json, Type type) {
            return Built.JACKSON.fromJsonStream(json, type);
        }
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
