package dev.prepdeck.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.error.InvalidInputException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** A JSON request body read field by field, so each missing or mistyped field gets its own clear message. */
public final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody of(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new InvalidInputException(null, "request body must be a JSON object");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidInputException(null, "request body must be a JSON object");
            }
            return new JsonBody(root);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(null, "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
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
