package dev.prepdeck.account;

/**
 * A person who signs in; their learner id is also the account's id.
 *
 * @param admin    may add, disable and reset other accounts
 * @param disabled can no longer sign in; sessions and tokens are gone
 */
public record Account(long learnerId, String name, boolean admin, boolean disabled, long createdAt) {
}
