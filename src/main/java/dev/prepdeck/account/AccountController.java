package dev.prepdeck.account;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.CsrfProtection;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.ForwardedHeaders;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import dev.prepdeck.web.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out, and the account page: the password, the browsers signed in (each can be signed out, or all
 * at once) and the API tokens.
 */
public final class AccountController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final Clock clock;

    public AccountController(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.sessions = new Sessions(accounts, clock);
        this.tokens = new ApiTokens(accounts, clock);
        this.throttle = new LoginThrottle(accounts.jdbi(), accounts.repository(), clock);
        this.clock = clock;
    }

    /** The filter that goes with these pages' sessions and tokens; App runs it before every route. */
    public AccessControl accessControl() {
        return new AccessControl(sessions, tokens);
    }

    public void loginForm(Context ctx) {
        if (AccessControl.localSite(ctx) || ctx.attribute(AccessControl.SESSION_ID) != null) {
            ctx.redirect(nextPage(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        renderLogin(ctx, "", null, HttpStatus.OK);
    }

    public void login(Context ctx) {
        if (AccessControl.localSite(ctx)) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String name = Params.formText(ctx, "name");
        String password = Params.formText(ctx, "password");
        String address = ForwardedHeaders.clientAddress(ctx);
        Duration wait = throttle.waitFor(name, address);
        if (!wait.isZero()) {
            renderLogin(ctx, name, Messages.text(ctx, "account.login.wait", Math.max(1, (wait.toMillis() + 999) / 1000)),
                    HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        var account = accounts.authenticate(name, password);
        if (account.isEmpty()) {
            throttle.failed(name, address);
            renderLogin(ctx, name, Messages.text(ctx, "account.login.failed"), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        throttle.succeeded(name);
        // A new session id at every sign-in, and the old one ended: a cookie planted before (session fixation)
        // never becomes a signed-in session.
        sessions.end(ctx.cookie(AccessControl.SESSION_COOKIE));
        String token = sessions.start(account.get().learnerId(), ctx.userAgent(), address);
        ctx.cookie(sessionCookie(ctx, token, (int) Sessions.LONGEST.toSeconds()));
        CsrfProtection.renew(ctx);
        ctx.redirect(nextPage(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void renderLogin(Context ctx, String name, String error, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("error", error);
        model.put("next", nextPage(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next")));
        ctx.status(status).render("account/login.html", model);
    }

    /** Where to go after signing in: a path on this site only, never another site (an open redirect). */
    static String nextPage(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    /** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
    private static Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(AccessControl.SESSION_COOKIE, value, "/", maxAgeSeconds, ForwardedHeaders.secure(ctx), true,
                null, SameSite.LAX);
    }

    public void logout(Context ctx) {
        sessions.end(ctx.cookie(AccessControl.SESSION_COOKIE));
        ctx.cookie(sessionCookie(ctx, "", 0));
        ctx.redirect(AccessControl.localSite(ctx) ? "/" : "/login", HttpStatus.SEE_OTHER);
    }

    public void page(Context ctx) {
        render(ctx, null, null, HttpStatus.OK);
    }

    private void render(Context ctx, String passwordError, String newToken, HttpStatus status) {
        SignedIn who = SignedIn.of(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("navSection", "account");
        model.put("who", who);
        model.put("local", who.how() == SignedIn.How.LOCAL);
        model.put("passwordError", passwordError);
        model.put("newToken", newToken);
        if (who.how() != SignedIn.How.LOCAL) {
            model.put("sessions", sessions.list(who.learnerId(), AccessControl.sessionId(ctx)).stream()
                    .map(s -> new SessionRow(s, when(s.createdAt()), when(s.lastSeenAt()))).toList());
            model.put("tokens", tokens.list(who.learnerId()).stream()
                    .map(t -> new TokenRow(t, when(t.createdAt()), t.lastUsedAt() == null ? null : when(t.lastUsedAt())))
                    .toList());
        } else {
            model.put("sessions", List.of());
            model.put("tokens", List.of());
        }
        ctx.status(status).render("account/account.html", model);
    }

    /** A session with its times as the page shows them. */
    public record SessionRow(SessionInfo session, String created, String lastSeen) {
    }

    public record TokenRow(TokenInfo token, String created, String lastUsed) {
    }

    private static String when(long epochMs) {
        return WHEN.format(Instant.ofEpochMilli(epochMs).atZone(ZoneId.systemDefault()));
    }

    public void changePassword(Context ctx) {
        SignedIn who = signedInWithSession(ctx);
        String replacement = Params.formText(ctx, "newPassword");
        String problem = Passwords.problem(replacement);
        if (problem != null) {
            render(ctx, Messages.text(ctx, problem, Passwords.MIN_CHARS, Passwords.MAX_BYTES), null,
                    HttpStatus.BAD_REQUEST);
            return;
        }
        if (!replacement.equals(Params.formText(ctx, "repeatPassword"))) {
            render(ctx, Messages.text(ctx, "account.password.mismatch"), null, HttpStatus.BAD_REQUEST);
            return;
        }
        if (!accounts.changePassword(who.learnerId(), Params.formText(ctx, "currentPassword"), replacement,
                AccessControl.sessionId(ctx))) {
            render(ctx, Messages.text(ctx, "account.password.wrongCurrent"), null, HttpStatus.BAD_REQUEST);
            return;
        }
        Flash.show(ctx, Messages.text(ctx, "account.password.changed"));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    public void revokeSession(Context ctx) {
        SignedIn who = signedInWithSession(ctx);
        long id = Params.pathId(ctx, "sessionId");
        if (!sessions.revoke(who.learnerId(), id)) {
            throw new InvalidInputException("sessionId", Messages.text(ctx, "account.sessions.none"));
        }
        Flash.show(ctx, Messages.text(ctx, "account.sessions.revoked"));
        ctx.redirect(id == AccessControl.sessionId(ctx) ? "/login" : "/account", HttpStatus.SEE_OTHER);
    }

    /** Ends every session of the account, this browser's too: a lost phone is signed out wherever it is. */
    public void signOutEverywhere(Context ctx) {
        SignedIn who = signedInWithSession(ctx);
        sessions.revokeAll(who.learnerId());
        ctx.cookie(sessionCookie(ctx, "", 0));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    public void createToken(Context ctx) {
        SignedIn who = signedInWithSession(ctx);
        String token;
        try {
            token = tokens.create(who.learnerId(), Params.formText(ctx, "name"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("name", Messages.text(ctx, "account.tokens.badName", ApiTokens.MAX_NAME_CHARS));
        }
        // Shown on this answer only (not through a redirect and a cookie): the token is never written anywhere else.
        ctx.header("Cache-Control", "no-store");
        render(ctx, null, token, HttpStatus.CREATED);
    }

    public void revokeToken(Context ctx) {
        SignedIn who = signedInWithSession(ctx);
        if (!tokens.revoke(who.learnerId(), Params.pathId(ctx, "tokenId"))) {
            throw new InvalidInputException("tokenId", Messages.text(ctx, "account.tokens.none"));
        }
        Flash.show(ctx, Messages.text(ctx, "account.tokens.revoked"));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    /** The account forms need a signed-in browser: the local site has no password, sessions or tokens. */
    private static SignedIn signedInWithSession(Context ctx) {
        SignedIn who = SignedIn.of(ctx);
        if (who.how() != SignedIn.How.SESSION) {
            throw new InvalidInputException("account", Messages.text(ctx, "account.local.noAccounts"));
        }
        return who;
    }
}
