package dev.videosdk.internal.http;

import java.net.URI;
import java.util.regex.Pattern;

/** Removes secrets from text that may be logged. */
public final class Redaction {
    private static final Pattern SECRET_PARAMS = Pattern.compile(
            "(?i)([?&](?:key|api_key|apikey|token|access_token|signature|sig|x-goog-signature|x-amz-signature)=)[^&#]*");

    private Redaction() {
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
        return SECRET_PARAMS.matcher(uri.toString()).replaceAll("$1***");
    }
}
