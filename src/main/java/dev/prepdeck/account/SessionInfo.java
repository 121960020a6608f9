package dev.prepdeck.account;

/** One signed-in browser, as the account page lists it; {@code current} is the browser looking at the list. */
public record SessionInfo(long id, long createdAt, long lastSeenAt, String userAgent, String address, boolean current) {
}
