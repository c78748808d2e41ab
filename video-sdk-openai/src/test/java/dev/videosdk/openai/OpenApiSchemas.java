package dev.videosdk.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small validator for the JSON Schema subset OpenAI's OpenAPI file uses in request bodies:
 * {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code type} (incl. {@code "null"}),
 * {@code enum}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items},
 * {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength}, {@code minimum}/{@code maximum}.
 * Formats and discriminators are not checked.
 */
final class OpenApiSchemas {
    private final JsonNode schemas;

    private OpenApiSchemas(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** Loads {@code components.schemas} of the extract in the test resources. */
    static OpenApiSchemas load() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/openapi/openai-openapi-subset.yaml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            return new OpenApiSchemas(doc.path("components").path("schemas"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of {@code value} against schema {@code name}; empty when it validates. */
    List<String> violations(String name, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(ref(name), value, "$", out);
        return out;
    }

    private JsonNode ref(String name) {
        JsonNode s = schemas.path(name);
        if (s.isMissingNode()) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return s;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.has("$ref")) {
            check(ref(schema.get("$ref").asText().replace("#/components/schemas/", "")), value, path, out);
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, path, out);
        }
        if (schema.has("anyOf") && count(schema.get("anyOf"), value, path) == 0) {
            out.add(path + ": matches none of anyOf");
        }
        if (schema.has("oneOf")) {
            int n = count(schema.get("oneOf"), value, path);
            if (n != 1) {
                out.add(path + ": matches " + n + " of oneOf, not exactly one");
            }
        }
        if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
            out.add(path + ": expected type " + schema.get("type").asText() + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value) || (e.isTextual() && value.isTextual() && e.asText().equals(value.asText()));
            }
            if (!found) {
                out.add(path + ": " + value + " is not in enum " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            int len = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && len < schema.get("minLength").asInt()) out.add(path + ": shorter than minLength");
            if (schema.has("maxLength") && len > schema.get("maxLength").asInt()) out.add(path + ": longer than maxLength");
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) out.add(path + ": below minimum");
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) out.add(path + ": above maximum");
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    out.add(path + ": missing required " + r.asText());
                }
            }
            JsonNode props = schema.path("properties");
            for (Map.Entry<String, JsonNode> f : value.properties()) {
                if (props.has(f.getKey())) {
                    check(props.get(f.getKey()), f.getValue(), path + "." + f.getKey(), out);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    out.add(path + ": property " + f.getKey() + " is not allowed");
                } else if (schema.path("additionalProperties").isObject()) {
                    check(schema.get("additionalProperties"), f.getValue(), path + "." + f.getKey(), out);
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) out.add(path + ": fewer than minItems");
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) out.add(path + ": more than maxItems");
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
        }
    }

    private int count(JsonNode alternatives, JsonNode value, String path) {
        int n = 0;
        for (JsonNode alternative : alternatives) {
            List<String> errors = new ArrayList<>();
            check(alternative, value, path, errors);
            n += errors.isEmpty() ? 1 : 0;
        }
        return n;
    }

    private static boolean typeMatches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
