package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck serve's network options: who may reach the site, and the refusal to open it to a network without accounts. */
class ServeCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void listening_on_every_address_or_a_lan_address_without_accounts_is_refused_naming_the_command_to_run() {
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
            assertThat(ServeCommand.refusal(host, false, Path.of("prepdeck.db"))).as(host)
                    .hasValueSatisfying(message -> assertThat(message)
                            .contains("anyone who can reach this machine")
                            .contains(System.lineSeparator() + "    prepdeck user add NAME" + System.lineSeparator()));
        }
        assertThat(ServeCommand.refusal("0.0.0.0", false, Path.of("/srv/study.db")))
                .hasValueSatisfying(message -> assertThat(message).contains("prepdeck user add NAME --db /srv/study.db"));
    }

    @Test
    void this_machine_only_needs_no_account_and_any_address_may_listen_once_one_exists() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
            assertThat(ServeCommand.refusal(host, false, Path.of("prepdeck.db"))).as(host).isEmpty();
        }
        assertThat(ServeCommand.refusal("0.0.0.0", true, Path.of("prepdeck.db"))).isEmpty();
    }

    @Test
    void the_start_up_line_names_an_address_a_browser_can_open() {
        assertThat(ServeCommand.whereToOpen("127.0.0.1", 7070)).isEqualTo("http://127.0.0.1:7070/");
        assertThat(ServeCommand.whereToOpen("::1", 7070)).isEqualTo("http://[::1]:7070/");
        for (String everyAddress : new String[] {"0.0.0.0", "::"}) {
            assertThat(ServeCommand.whereToOpen(everyAddress, 7070)).as(everyAddress)
                    .isEqualTo("http://127.0.0.1:7070/ and on every network address of this machine")
                    .doesNotContain(everyAddress + ":");
        }
    }

    @Test
    void serve_on_every_address_with_no_account_stops_before_listening_and_prints_the_command() {
        Path db = tempDir.resolve("x.db");
        int exit = new CommandLine(new ServeCommand()).execute("--host", "0.0.0.0", "--db", db.toString(),
                "--port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("    prepdeck user add NAME --db " + db);
        assertThat(output.out()).doesNotContain("prepdeck is running");
    }

    @Test
    void an_allowed_host_that_is_not_a_name_stops_the_command_before_it_serves() {
        int exit = new CommandLine(new ServeCommand()).execute("--allowed-host", "http://study.lan/",
                "--db", tempDir.resolve("x.db").toString(), "--port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("--allowed-host 'http://study.lan/' is not a host name or address");
        assertThat(tempDir.resolve("x.db")).doesNotExist();
    }

    @Test
    void the_servers_own_command_line_reads_and_explains_its_options_as_under_prepdeck() {
        CommandLine underPrepdeck = Main.commandLine(new Main()).getSubcommands().get("serve");
        CommandLine alone = Main.serveCommandLine();

        assertThat(alone.getUsageMessage()).startsWith("Usage: prepdeck serve ").isEqualTo(underPrepdeck.getUsageMessage());

        int exit = alone.execute("--port", "not-a-number");
        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("Invalid value for option '--port': 'not-a-number' is not an int")
                .contains("Usage: prepdeck serve ");
    }
}
