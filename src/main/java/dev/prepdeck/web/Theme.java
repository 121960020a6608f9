package dev.prepdeck.web;

import io.javalin.http.Context;

/** Whether pages are drawn light or dark: the learner's choice when there is one, else the system's. */
public final class Theme {
    /** Set to "light" or "dark" by whatever knows the learner's chosen theme (a setting) before the page is rendered. */
    public static final String CHOSEN_ATTRIBUTE = "prepdeck.theme";

    private Theme() {
    }

    /** "light" or "dark" for {@code <html data-theme>}, or null to follow the system's colour scheme. */
    static String of(Context ctx) {
        Object chosen = ctx.attribute(CHOSEN_ATTRIBUTE);
        return "light".equals(chosen) || "dark".equals(chosen) ? (String) chosen : null;
    }
}
