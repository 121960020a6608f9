package dev.prepdeck.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Option;

/**
 * The --user option of the commands that read or write a learner's progress (reviews, schedules): whose. Without
 * accounts there is one learner, the local one; with one account, that account; with several, --user must say.
 */
public final class LearnerOption {
    /** The local learner, whom the first account takes over. */
    private static final long LOCAL_LEARNER = 1;

    @Option(names = "--user", paramLabel = "NAME",
            description = "whose progress: an account's name (needed when the database has several accounts)")
    public String user;

    /**
     * The learner id the command acts for.
     *
     * @throws IllegalArgumentException naming the problem: an unknown account, --user without accounts, or several
     *                                  accounts and no --user
     */
    public long learnerId(Jdbi jdbi) {
        List<Account> accounts = jdbi.withHandle(h -> h.createQuery(
                        "SELECT learner_id, name FROM account ORDER BY name")
                .map((rs, ctx) -> new Account(rs.getLong("learner_id"), rs.getString("name"))).list());
        if (user == null) {
            if (accounts.size() > 1) {
                throw new IllegalArgumentException("this database has " + accounts.size() + " accounts ("
                        + String.join(", ", accounts.stream().map(Account::name).toList())
                        + "): say whose progress with --user NAME");
            }
            return accounts.isEmpty() ? LOCAL_LEARNER : accounts.get(0).learnerId();
        }
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("--user " + user + ": this database has no accounts; leave --user out"
                    + " to act for its one learner");
        }
        return accounts.stream().filter(a -> a.name().equalsIgnoreCase(user.strip())).findFirst()
                .map(Account::learnerId)
                .orElseThrow(() -> new IllegalArgumentException("--user " + user + ": there is no account named "
                        + user + " (prepdeck user list shows them)"));
    }

    private record Account(long learnerId, String name) {
    }
}
