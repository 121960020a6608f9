package dev.prepdeck.review;

import dev.prepdeck.error.InvalidInputException;

/**
 * A client's name for one rating (the study page makes one for each card it shows; an API client a UUID per
 * review). A retried request that carries it gets the stored review back instead of rating the card again.
 */
public record RequestId(String value) {
    public static final int MAX_LENGTH = 100;

    public RequestId {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new InvalidInputException("requestId", "requestId must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
    }

    /** The id a client sent, or null when it sent none; a blank form field counts as none. */
    public static RequestId ofNullable(String raw) {
        return raw == null || raw.isBlank() ? null : new RequestId(raw);
    }
}
