package dev.prepdeck.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class JudgeSettingsTest {
    private static String fieldOf(String url, String model, String timeout) {
        try {
            JudgeSettings.parse(url, model, timeout);
        } catch (InvalidInputException e) {
            return e.field();
        }
        return null;
    }

    @Test
    void a_local_server_address_model_and_time_out_are_read_and_the_endpoint_is_under_the_base_url() {
        JudgeSettings ollama = JudgeSettings.parse(" http://127.0.0.1:11434/v1/ ", " qwen2.5:7b ", "");
        assertThat(ollama.model()).isEqualTo("qwen2.5:7b");
        assertThat(ollama.timeoutSeconds()).isEqualTo(JudgeSettings.DEFAULT_TIMEOUT_SECONDS);
        assertThat(ollama.chatCompletions()).hasToString("http://127.0.0.1:11434/v1/chat/completions");
        JudgeSettings explicit = JudgeSettings.parse("https://llm.example.com/v1/chat/completions", "m", "45");
        assertThat(explicit.chatCompletions()).hasToString("https://llm.example.com/v1/chat/completions");
        assertThat(explicit.timeoutSeconds()).isEqualTo(45);
    }

    @Test
    void each_bad_field_is_named() {
        assertThat(fieldOf("", "m", "")).isEqualTo("url");
        assertThat(fieldOf("ftp://host/v1", "m", "")).isEqualTo("url");
        assertThat(fieldOf("127.0.0.1:11434", "m", "")).isEqualTo("url");
        assertThat(fieldOf("http://user:pw@host/v1", "m", "")).isEqualTo("url");
        assertThat(fieldOf("http://host/v1 x", "m", "")).isEqualTo("url");
        assertThat(fieldOf("http://host/v1", " ", "")).isEqualTo("model");
        assertThat(fieldOf("http://host/v1", "a\nb", "")).isEqualTo("model");
        assertThat(fieldOf("http://host/v1", "m", "0")).isEqualTo("timeoutSeconds");
        assertThat(fieldOf("http://host/v1", "m", "121")).isEqualTo("timeoutSeconds");
        assertThat(fieldOf("http://host/v1", "m", "ten")).isEqualTo("timeoutSeconds");
        assertThatThrownBy(() -> JudgeSettings.parse("http://host/v1", "m", "1.5")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_loopback_names_and_addresses_keep_answers_on_this_machine() {
        assertThat(JudgeSettings.parse("http://localhost:8080/v1", "m", "").leavesThisMachine()).isFalse();
        assertThat(JudgeSettings.parse("http://127.0.0.1:8080/v1", "m", "").leavesThisMachine()).isFalse();
        assertThat(JudgeSettings.parse("http://127.1.2.3/v1", "m", "").leavesThisMachine()).isFalse();
        assertThat(JudgeSettings.parse("http://[::1]:8080/v1", "m", "").leavesThisMachine()).isFalse();
        assertThat(JudgeSettings.parse("http://192.168.1.20:11434/v1", "m", "").leavesThisMachine()).isTrue();
        assertThat(JudgeSettings.parse("https://api.example.com/v1", "m", "").leavesThisMachine()).isTrue();
        assertThat(JudgeSettings.parse("http://127.0.0.1.evil.example/v1", "m", "").leavesThisMachine()).isTrue();
    }
}
