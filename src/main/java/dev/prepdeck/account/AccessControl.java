package dev.prepdeck.account;

import dev.prepdeck.review.Learner;
import dev.prepdeck.settings.Settings;
import dev.prepdeck.settings.SettingsController;
import dev.prepdeck.web.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Before every route: decides whom the request acts for, and draws the request in their language and theme (their
 * settings come with the session in the same query, so a request reads the database once before its handler).
 * Without accounts, the local learner (the site listens on this machine only; the serve command sees to that). With
 * accounts, a browser's session cookie or, on the JSON API, an {@code Authorization: Bearer} token; anyone else may
 * see only the login page, static files and the health check: pages send them to the login, the API answers 401.
 */
public final class AccessControl {
    static final String SESSION_COOKIE = "prepdeck_session";
    static final String SESSION_ID = "prepdeck.sessionId";
    /** Open to everyone: the login itself and the health check a proxy or monitor polls. */
    static final Set<String> PUBLIC_PATHS = Set.of("/login", "/api/health");
    /** What acts on every account's data at once (a restore replaces everyone's progress): admins only. */
    static final Set<String> ADMIN_PATHS = Set.of("/admin", "/backups", "/check");

    private final Sessions sessions;
    private final ApiTokens tokens;

    AccessControl(Sessions sessions, ApiTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public void verify(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/static/")) {
            return;
        }
        boolean api = path.startsWith("/api/");
        String authorization = ctx.header("Authorization");
        // Whether accounts exist comes with the session or token in one query: none means the local site.
        if (api && authorization != null) {
            AccountRepository.TokenLookup found = tokens.lookup(bearerToken(authorization));
            if (!found.accountsOn()) {
                local(ctx, found.settings());
                return;
            }
            SignedIn.set(ctx, bearer(ctx, found.owner()));
            SettingsController.choose(ctx, found.settings());
        } else {
            AccountRepository.SessionLookup found = sessions.lookup(ctx.cookie(SESSION_COOKIE));
            if (!found.accountsOn()) {
                local(ctx, found.settings());
                return;
            }
            Optional<AccountRepository.LiveSession> session = found.session();
            if (session.isPresent()) {
                AccountRepository.LiveSession s = session.get();
                SignedIn.set(ctx, new SignedIn(s.learnerId(), s.name(), s.admin(), SignedIn.How.SESSION));
                SettingsController.choose(ctx, found.settings());
                ctx.attribute(SESSION_ID, s.id());
            } else if (PUBLIC_PATHS.contains(path)) {
                SignedIn.anonymous(ctx);
                return;
            } else if (api) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new UnauthorizedResponse("sign in first: send Authorization: Bearer TOKEN (make a token on"
                        + " /account) or use the site's session");
            } else {
                toLogin(ctx);
                return;
            }
        }
        if (ADMIN_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")) && !SignedIn.of(ctx).admin()) {
            throw new ForbiddenResponse("only an admin can manage accounts, backups and the database check");
        }
    }

    private static void local(Context ctx, Settings settings) {
        SignedIn.set(ctx, new SignedIn(Learner.DEFAULT_ID, "", true, SignedIn.How.LOCAL));
        SettingsController.choose(ctx, settings);
    }

    /** Whether this request came to the local site, which has no accounts (so no login either). */
    static boolean localSite(Context ctx) {
        return SignedIn.known(ctx) && SignedIn.of(ctx).how() == SignedIn.How.LOCAL;
    }

    private static String bearerToken(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
    }

    private static SignedIn bearer(Context ctx, Optional<AccountRepository.TokenOwner> owner) {
        if (owner.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new UnauthorizedResponse("this API token is not valid: it was revoked, its account disabled, or it"
                    + " is mistyped (send Authorization: Bearer TOKEN)");
        }
        AccountRepository.TokenOwner o = owner.get();
        return new SignedIn(o.learnerId(), o.name(), o.admin(), SignedIn.How.TOKEN);
    }

    /** A page asked for without a session: the login, which comes back to the page afterwards when it was a GET. */
    private static void toLogin(Context ctx) {
        String back = ctx.method() == HandlerType.GET ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                : "/";
        ctx.redirect(back.equals("/") ? "/login" : "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** The session this browser is signed in with, or -1 (local site, or a token). */
    static long sessionId(Context ctx) {
        Long id = ctx.attribute(SESSION_ID);
        return id == null ? -1 : id;
    }
}
