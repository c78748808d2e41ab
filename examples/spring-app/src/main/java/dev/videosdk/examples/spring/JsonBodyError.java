package dev.videosdk.examples.spring;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

/** A JSON body Spring could not read, in the API's words: what is wrong, where, and the property when one is known. */
final class JsonBodyError {
    static final String EXAMPLE = "{\"prompt\": \"A koi pond at dawn\", \"duration\": 5}";

    private JsonBodyError() {
    }

    static VideoApiController.BadField of(HttpMessageNotReadableException e) {
        JacksonException json = jacksonCause(e);
        if (json == null) {
            return new VideoApiController.BadField(null,
                    "The request body is empty or unreadable. Please send a JSON object such as " + EXAMPLE + ".");
        }
        String field = field(json);
        StringBuilder m = new StringBuilder("The request body is not a valid JSON object");
        if (field != null) {
            m.append(" near \"").append(field).append('"');
        }
        TokenStreamLocation at = json.getLocation();
        if (at != null && at.getLineNr() > 0) {
            m.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(')');
        }
        return new VideoApiController.BadField(field, m.append(". Please send one such as ").append(EXAMPLE).append('.').toString());
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j) {
                return j;
            }
        }
        return null;
    }

    /** The top-level property the error is in: from the exception's path, else from where the parser stopped. */
    private static String field(JacksonException e) {
        if (!e.getPath().isEmpty() && e.getPath().get(0).getPropertyName() != null) {
            return e.getPath().get(0).getPropertyName();
        }
        String outermost = null;
        if (e.processor() instanceof JsonParser parser) {
            for (TokenStreamContext c = parser.streamReadContext(); c != null; c = c.getParent()) {
                if (c.currentName() != null) {
                    outermost = c.currentName();
                }
            }
        }
        return outermost;
    }
}
