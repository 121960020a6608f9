package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck serve's network options: who may reach the site, and the warning when the network can. */
class ServeCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    @Test
    void listening_on_every_address_or_a_lan_address_warns_that_there_is_no_login() {
        for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
            assertThat(ServeCommand.networkWarning(host)).as(host).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("no login").contains("anyone who can reach this machine on the network"));
        }
    }

    @Test
    void listening_on_this_machine_only_gives_no_warning() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
            assertThat(ServeCommand.networkWarning(host)).as(host).isEmpty();
        }
    }

    @Test
    void an_allowed_host_that_is_not_a_name_stops_the_command_before_it_serves() {
        int exit = new CommandLine(new ServeCommand()).execute("--allowed-host", "http://study.lan/",
                "--db", tempDir.resolve("x.db").toString(), "--port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(output.err()).contains("--allowed-host 'http://study.lan/' is not a host name or address");
        assertThat(tempDir.resolve("x.db")).doesNotExist();
    }
}
