package dev.prepdeck.web;

import io.javalin.http.Context;

/**
 * Whom a request acts for: the learner whose scheduling state, reviews and attempts it reads and writes. The
 * accounts filter sets it before any handler runs; handlers pass {@link #learner(Context)} to their services, so a
 * learner id never comes from the request itself.
 *
 * @param learnerId the learner's id (also the account's, when there are accounts)
 * @param name      the account name; empty on the single-learner local site
 * @param admin     may manage accounts
 * @param how       how the request proved who it is
 */
public record SignedIn(long learnerId, String name, boolean admin, How how) {
    private static final String ATTRIBUTE = "prepdeck.signedIn";
    private static final String ANONYMOUS = "prepdeck.anonymous";

    /** The local site without accounts, a browser session cookie, or an API token. */
    public enum How {
        LOCAL, SESSION, TOKEN
    }

    public static void set(Context ctx, SignedIn who) {
        ctx.attribute(ATTRIBUTE, who);
    }

    /** Who the request acts for; only requests the accounts filter let through reach a handler. */
    public static SignedIn of(Context ctx) {
        SignedIn who = ctx.attribute(ATTRIBUTE);
        if (who == null) {
            throw new IllegalStateException("the accounts filter did not run for " + ctx.path());
        }
        return who;
    }

    /** The learner id of whoever the request acts for. */
    public static long learner(Context ctx) {
        return of(ctx).learnerId();
    }

    /** Whether the request acts for someone: false on the login page of a site with accounts. */
    public static boolean known(Context ctx) {
        return orNull(ctx) != null;
    }

    /** Marks a request let through without anyone signed in (the login page): its pages show no menu. */
    public static void anonymous(Context ctx) {
        ctx.attribute(ANONYMOUS, true);
    }

    static boolean isAnonymous(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANONYMOUS));
    }

    /** Whoever the request acts for, when the filter has run (the error pages render before it may have). */
    static SignedIn orNull(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
