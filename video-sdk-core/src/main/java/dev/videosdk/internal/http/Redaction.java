package dev.videosdk.internal.http;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that may be logged or quoted in an error: the values of every
 * credential created in this JVM, and the usual shapes of keys ({@code Bearer …}, {@code Key …},
 * {@code x-goog-api-key: …}, {@code sk-…}, secret query parameters), also when a provider echoes
 * them in its answer (LIFECYCLE.md §8).
 */
public final class Redaction {
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)([?&](?:key|api_key|apikey|token|access_token|signature|sig|x-goog-signature|x-amz-signature)=)[^&#\\s\"']*");
    /** {@code Bearer x}, {@code Basic x} in any case; {@code Key x}, {@code Token x} capitalized with a digit in x (so "key provided" stays). */
    private static final Pattern AUTH_SCHEMES = Pattern.compile("\\b(?:((?i:Bearer|Basic))(\\s+)[A-Za-z0-9._~+/=:-]{8,}"
            + "|(Key|Token)(\\s+)(?=[A-Za-z0-9._~+/=:-]*\\d)[A-Za-z0-9._~+/=:-]{8,})");
    private static final Pattern KEY_FIELDS = Pattern.compile(
            "(?i)(x-goog-api-key|x-api-key|api[_-]?key|secret[_-]?key|access[_-]?key|password)([\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',&}]+");
    private static final Pattern OPENAI_STYLE = Pattern.compile("\\b(sk|rk|pk)-[A-Za-z0-9_-]{8,}");
    /** Secret values (keys, tokens) known to this JVM; only long values, so ordinary words are never hidden. */
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final int MIN_KNOWN_LENGTH = 8;
    private static final String MASK = "***";

    private Redaction() {
    }

    /** Remembers a secret value so that it is masked wherever it appears in quoted text. */
    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_KNOWN_LENGTH) {
            KNOWN.add(secret);
        }
    }

    /** {@code text} with every known secret value and every key-shaped token replaced by {@code ***}. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = AUTH_SCHEMES.matcher(out).replaceAll(m -> (m.group(1) != null ? m.group(1) + m.group(2) : m.group(3) + m.group(4)) + MASK);
        out = KEY_FIELDS.matcher(out).replaceAll("$1$2" + MASK);
        out = OPENAI_STYLE.matcher(out).replaceAll("$1-" + MASK);
        return SECRET_PARAMS.matcher(out).replaceAll("$1" + MASK);
    }

    /** The URI with secret query parameters replaced by {@code ***}. */
    public static String uri(URI uri) {
        if (uri == null) {
            return "null";
        }
        if ("data".equalsIgnoreCase(uri.getScheme())) {
            String text = uri.toString();
            int comma = text.indexOf(',');
            return (comma > 0 ? text.substring(0, Math.min(comma, 60)) : "data:") + ",… (" + text.length() + " characters)";
        }
        return SECRET_PARAMS.matcher(uri.toString()).replaceAll("$1" + MASK);
    }
}
