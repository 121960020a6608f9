package dev.prepdeck.account;

/** An API token as the account page lists it: never its value, which was shown once. */
public record TokenInfo(long id, String name, long createdAt, Long lastUsedAt) {
}
