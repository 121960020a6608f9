package dev.prepdeck.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.error.InvalidInputException;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON request body read field by field, so each missing or mistyped field gets its own clear message. */
public final class JsonBody {
    /** Every body the API takes is a flat object with at most a list of tags in it. */
    static final int MAX_DEPTH = 20;
    /** A long has 19 digits and a double written out about 25 characters; anything longer is not a value we use. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** Above the longest answer a card may have, so that limit keeps its own message. */
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NAME_LENGTH = 1_000;
    static final int MAX_DOCUMENT_LENGTH = 2_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody of(Context ctx) {
        String body = utf8(ctx.bodyAsBytes());
        if (body.isBlank()) {
            throw new InvalidInputException(null, "request body must be a JSON object");
        }
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(null, "request body must be a JSON object");
        }
        return new JsonBody(root);
    }

    /**
     * For a request that takes no fields: no body or {@code {}} is fine, anything else is refused rather than
     * ignored, so a client that thinks it sends options learns that it does not.
     */
    public static void requireNone(Context ctx) {
        String body = utf8(ctx.bodyAsBytes());
        if (body.isBlank()) {
            return;
        }
        JsonNode root = parse(body);
        if (root == null || !root.isObject() || !root.isEmpty()) {
            throw new InvalidInputException(null, "this request takes no fields: send no body or {}");
        }
    }

    /** JSON is UTF-8 (RFC 8259); bytes that are not are refused rather than stored as replacement characters. */
    private static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(null, "request body is not valid UTF-8 (bad byte at offset "
                    + in.position() + "); send JSON encoded as UTF-8");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(null, tooBig(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException(null, "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** Which limit a body broke, in the API's words rather than the parser's. */
    private static String tooBig(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "JSON is nested deeper than " + MAX_DEPTH + " levels";
        }
        if (message.startsWith("Number")) {
            return "a number in the JSON is longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        if (message.startsWith("String")) {
            return "a text in the JSON is longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.startsWith("Name")) {
            return "a field name in the JSON is longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "JSON body is longer than " + MAX_DOCUMENT_LENGTH + " characters";
    }

    /** The object's fields in the order sent, for a body whose every field is checked by name elsewhere. */
    public Map<String, JsonNode> fields() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    public String requiredString(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInputException(name, "missing field '" + name + "'");
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(name, "field '" + name + "' must be a string");
        }
        return node.asText();
    }

    public String optionalString(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : requiredString(name);
    }

    public long requiredLong(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInputException(name, "missing field '" + name + "'");
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new InvalidInputException(name, "field '" + name + "' must be a whole number");
        }
        return node.asLong();
    }

    public Long optionalLong(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : requiredLong(name);
    }

    /** A list of numbers, e.g. {"weights": [0.212, 1.2931, ...]}. */
    public double[] requiredNumbers(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInputException(name, "missing field '" + name + "'");
        }
        if (!node.isArray()) {
            throw new InvalidInputException(name, "field '" + name + "' must be a list of numbers");
        }
        double[] numbers = new double[node.size()];
        for (int i = 0; i < numbers.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a list of numbers; item " + i
                        + " is " + node.get(i));
            }
            numbers[i] = node.get(i).asDouble();
        }
        return numbers;
    }

    public boolean optionalBoolean(String name, boolean absent) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new InvalidInputException(name, "field '" + name + "' must be true or false");
        }
        return node.asBoolean();
    }

    /** A list of whole numbers such as ids; empty when absent. */
    public List<Long> optionalLongs(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(name, "field '" + name + "' must be a list of whole numbers");
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a list of whole numbers, not "
                        + item);
            }
            values.add(item.asLong());
        }
        return values;
    }

    /** A list of strings; a single comma-separated string is accepted too. */
    public List<String> optionalStrings(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText().split(","));
        }
        if (!node.isArray()) {
            throw new InvalidInputException(name, "field '" + name + "' must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidInputException(name, "field '" + name + "' must be a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}
