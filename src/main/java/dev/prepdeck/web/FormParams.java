package dev.prepdeck.web;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.Rating;
import io.javalin.http.Context;

/** Reading browser form fields, each bad value named in a 400 message shown on the page. */
public final class FormParams {
    private FormParams() {
    }

    public static long requiredLong(Context ctx, String name) {
        String value = ctx.formParam(name);
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a number");
        }
    }

    public static Rating rating(String value, String field) {
        try {
            return Rating.of(Integer.parseInt(value == null ? "" : value.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
        }
    }
}
