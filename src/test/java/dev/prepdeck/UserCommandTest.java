package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.db.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck user as run from a shell, with the password piped in twice as a script would. */
class UserCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private final InputStream originalIn = System.in;

    @AfterEach
    void restoreInput() {
        System.setIn(originalIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = tempDir.resolve("users.db").toString();
        return new CommandLine(new UserCommand()).execute(all);
    }

    @Test
    void the_first_account_is_the_admin_and_the_list_says_who_is_what() {
        assertThat(run("", "list")).isZero();
        assertThat(output.out()).contains("no accounts");
        assertThat(run("first password 1\nfirst password 1\n", "add", "alice")).isZero();
        assertThat(run("second password 2\nsecond password 2\n", "add", "bob")).isZero();
        assertThat(output.out()).contains("added alice (admin)").contains("added bob\n");
        output.reset();

        assertThat(run("", "list")).isZero();
        assertThat(output.out()).isEqualTo("alice  admin\nbob\n");
        String hash = Database.open(tempDir.resolve("users.db")).withHandle(h ->
                h.createQuery("SELECT password_hash FROM account WHERE name = 'bob'").mapTo(String.class).one());
        assertThat(hash).startsWith("$2a$12$").doesNotContain("second password");
    }

    @Test
    void a_password_typed_differently_twice_too_short_or_a_taken_name_adds_nothing() {
        assertThat(run("first password 1\nfirst password 2\n", "add", "alice")).isEqualTo(1);
        assertThat(output.err()).contains("the two passwords differ");
        assertThat(run("short\nshort\n", "add", "alice")).isEqualTo(1);
        assertThat(output.err()).contains("at least 12 characters");
        assertThat(run("first password 1\n", "add", "alice")).isEqualTo(1);
        assertThat(output.err()).contains("no password given");
        assertThat(run("first password 1\nfirst password 1\n", "add", "al ice")).isEqualTo(1);
        assertThat(output.err()).contains("an account name is 1 to 40 letters");
        assertThat(run("first password 1\nfirst password 1\n", "add", "alice")).isZero();
        assertThat(run("other password 1\nother password 1\n", "add", "ALICE")).isEqualTo(1);
        assertThat(output.err()).contains("there is already an account named ALICE");
        output.reset();
        run("", "list");
        assertThat(output.out()).isEqualTo("alice  admin\n");
    }

    @Test
    void disable_keeps_the_last_admin_and_reset_password_replaces_it() {
        run("first password 1\nfirst password 1\n", "add", "alice");
        run("second password 2\nsecond password 2\n", "add", "bob");
        assertThat(run("", "disable", "alice")).isEqualTo(1);
        assertThat(output.err()).contains("alice is the only admin who can sign in");
        assertThat(run("", "disable", "bob")).isZero();
        assertThat(run("", "disable", "carol")).isEqualTo(1);
        assertThat(output.err()).contains("no account named carol");
        output.reset();
        run("", "list");
        assertThat(output.out()).isEqualTo("alice  admin\nbob  disabled\n");
        assertThat(run("", "enable", "bob")).isZero();

        String before = passwordHash("bob");
        assertThat(run("brand new password\nbrand new password\n", "reset-password", "bob")).isZero();
        assertThat(passwordHash("bob")).isNotEqualTo(before).startsWith("$2a$");
        assertThat(run("x\ny\n", "reset-password", "bob")).isEqualTo(1);
    }

    private String passwordHash(String name) {
        return Database.open(tempDir.resolve("users.db")).withHandle(h ->
                h.createQuery("SELECT password_hash FROM account WHERE name = :name").bind("name", name)
                        .mapTo(String.class).one());
    }
}
