package dev.videosdk.soraproxy.internal;

import java.util.Objects;

/**
 * One dispatched server-sent event.
 *
 * @param type        the event type ({@code "message"} when the stream named none)
 * @param data        the data lines joined with LF, without the trailing LF
 * @param lastEventId the stream's last event id when this event was dispatched ({@code ""} if none)
 */
public record SseEvent(String type, String data, String lastEventId) {
    /** Requires every part. */
    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
    }

    /** A {@code message} event with this data and no id. */
    public static SseEvent message(String data) {
        return new SseEvent("message", data, "");
    }
}
