package dev.prepdeck.fsrs.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.fsrs.FsrsCard;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Replays review histories through the scheduler, one JSON object per line in and out, so its
 * results can be compared with ts-fsrs. A bad line becomes an error line and the rest go on.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Reads JSON Lines on stdin, one card per line:",
            "  {\"params\":{...ts-fsrs parameters...},\"steps\":[{\"now\":\"2025-03-01T12:45:38.006Z\",\"rating\":3},...]}",
            "and writes one line per input line: {\"steps\":[card after each review,...]} or {\"error\":\"line N: ...\"}.",
            "Days are counted in UTC; fuzz is off unless params.enable_fuzz is true.",
            "Exits with 1 if any line failed."
        })
public final class FsrsReplayCommand implements Callable<Integer> {
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final InputStream in;
    private final OutputStream out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    public FsrsReplayCommand() {
        this(System.in, System.out);
    }

    public FsrsReplayCommand(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int failed = 0;
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String result;
            try {
                result = replayLine(line);
            } catch (IllegalArgumentException e) {
                failed++;
                result = errorLine(lineNumber, e.getMessage());
            }
            writer.write(result);
            writer.write('\n');
        }
        writer.flush();
        return failed == 0 ? 0 : 1;
    }

    private String replayLine(String line) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("empty line; expected a JSON object");
        }
        List<FsrsCard> cards = ReplayCase.parse(root).replay();
        StringWriter text = new StringWriter(64 + cards.size() * 180);
        try (JsonGenerator json = factory.createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("steps");
            for (FsrsCard card : cards) {
                writeCard(json, card);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.toString();
    }

    static void writeCard(JsonGenerator json, FsrsCard card) throws IOException {
        json.writeStartObject();
        json.writeStringField("state", card.state().label());
        writeJsNumber(json, "stability", card.stability());
        writeJsNumber(json, "difficulty", card.difficulty());
        json.writeNumberField("scheduled_days", card.scheduledDays());
        json.writeNumberField("learning_steps", card.learningSteps());
        json.writeStringField("due", JS_ISO.format(card.due()));
        json.writeNumberField("reps", card.reps());
        json.writeNumberField("lapses", card.lapses());
        json.writeNumberField("elapsed_days", card.elapsedDays());
        json.writeEndObject();
    }

    /** Whole numbers without ".0", as JavaScript prints them. */
    private static void writeJsNumber(JsonGenerator json, String name, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumberField(name, (long) value);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private String errorLine(long lineNumber, String problem) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("error", "line " + lineNumber + ": " + problem);
            json.writeEndObject();
        }
        return text.toString();
    }
}
