package dev.videosdk.soraproxy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An incremental server-sent-events parser following the WHATWG rules ("Interpreting an event
 * stream"): feed it the body's bytes as they arrive, in chunks split anywhere, and it calls the
 * listener once per dispatched event. It holds at most one line and one pending event, never the
 * whole body. Not thread-safe: feed it from one thread at a time (a {@code Flow.Subscriber} does).
 *
 * <ul>
 *   <li>UTF-8; one leading BOM is dropped. Lines are cut on bytes (CR and LF never occur inside a
 *       multi-byte character), so a character split across chunks is decoded whole.</li>
 *   <li>A line ends at CRLF, LF or CR; a CR at the end of one chunk followed by LF at the start of
 *       the next is one line end.</li>
 *   <li>Blank line: dispatch. {@code :} comment. {@code field:value} minus one leading space;
 *       {@code event}, {@code data} (joined with LF), {@code id} (ignored if it contains NUL; kept
 *       across events), {@code retry} (digits only); other fields are ignored.</li>
 *   <li>An event with no data is not dispatched; a truncated final event is discarded.</li>
 * </ul>
 *
 * <p>The {@linkplain #lenient(Consumer) lenient} variant also accepts what some chat-completions
 * gateways send: a line starting with <code>{</code> and no {@code data:} prefix is dispatched at
 * once as a {@code message} event, and at end of stream a pending event (or unterminated line) is
 * still dispatched.
 */
public final class SseParser {
    /** Longest line accepted by default (1 MiB); a longer one is a protocol error, not a memory leak. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Consumer<SseEvent> listener;
    private final boolean lenient;
    private final int maxLineBytes;

    private byte[] line = new byte[512];
    private int lineLength;
    private boolean skipLf;
    private boolean firstLine = true;
    private boolean finished;

    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private long retryMillis = -1;

    private SseParser(Consumer<SseEvent> listener, boolean lenient, int maxLineBytes) {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, but was " + maxLineBytes);
        }
        this.lenient = lenient;
        this.maxLineBytes = maxLineBytes;
    }

    /** A parser that follows the WHATWG rules exactly. */
    public static SseParser strict(Consumer<SseEvent> listener) {
        return new SseParser(listener, false, DEFAULT_MAX_LINE_BYTES);
    }

    /** A parser that also accepts unprefixed JSON lines and dispatches a pending event at end of stream. */
    public static SseParser lenient(Consumer<SseEvent> listener) {
        return new SseParser(listener, true, DEFAULT_MAX_LINE_BYTES);
    }

    /** A parser with an explicit line limit in bytes. */
    public static SseParser of(Consumer<SseEvent> listener, boolean lenient, int maxLineBytes) {
        return new SseParser(listener, lenient, maxLineBytes);
    }

    /**
     * Feeds the next chunk of the body (its remaining bytes are consumed).
     *
     * @throws IllegalStateException when a line exceeds the line limit, or after {@link #finish()}
     */
    public void feed(ByteBuffer chunk) {
        if (chunk.hasArray()) {
            int start = chunk.arrayOffset() + chunk.position();
            feed(chunk.array(), start, chunk.remaining());
            chunk.position(chunk.limit());
        } else {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            feed(copy, 0, copy.length);
        }
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("the event stream was already finished");
        }
        int end = offset + length;
        int i = offset;
        if (skipLf && i < end) {
            skipLf = false;
            if (bytes[i] == LF) {
                i++;
            }
        }
        while (i < end) {
            int lineEnd = i;
            while (lineEnd < end && bytes[lineEnd] != LF && bytes[lineEnd] != CR) {
                lineEnd++;
            }
            append(bytes, i, lineEnd - i);
            if (lineEnd == end) {
                return;
            }
            endLine();
            if (bytes[lineEnd] == CR) {
                if (lineEnd + 1 < end) {
                    i = bytes[lineEnd + 1] == LF ? lineEnd + 2 : lineEnd + 1;
                } else {
                    skipLf = true;
                    i = end;
                }
            } else {
                i = lineEnd + 1;
            }
        }
    }

    /** Feeds a whole byte array. */
    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * Ends the stream. The strict parser discards a pending event (and an unterminated last line);
     * the lenient one dispatches it.
     */
    public void finish() {
        if (finished) {
            return;
        }
        if (lenient) {
            if (lineLength > 0) {
                endLine();
            }
            dispatch();
        }
        finished = true;
        lineLength = 0;
        data.setLength(0);
        eventType = "";
    }

    /** The last event id the stream set ({@code ""} if none). */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the stream asked for in milliseconds, or -1 if it sent none. */
    public long retryMillis() {
        return retryMillis;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        int needed = lineLength + length;
        if (needed > maxLineBytes) {
            throw new IllegalStateException("event stream line longer than " + maxLineBytes + " bytes");
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(needed, line.length * 2)));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength = needed;
    }

    private void endLine() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        processLine(text);
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        char first = text.charAt(0);
        if (first == ':') {
            return;
        }
        if (lenient && first == '{') {
            listener.accept(new SseEvent("message", text, lastEventId));
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int from = colon + 1;
            if (from < text.length() && text.charAt(from) == ' ') {
                from++;
            }
            value = text.substring(from);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\u0000') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLarge) {
                        // digits only but beyond a long: ignored like any unusable value
                    }
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1);
        String type = eventType.isEmpty() ? "message" : eventType;
        String payload = data.toString();
        data.setLength(0);
        eventType = "";
        listener.accept(new SseEvent(type, payload, lastEventId));
    }
}
