package dev.videosdk.soraproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WHATWG "interpreting an event stream" rules, case by case (openai.md §10). */
class SseParserTest {
    private final List<SseEvent> events = new ArrayList<>();

    private List<SseEvent> strict(String body) {
        SseParser p = SseParser.strict(events::add);
        p.feed(body.getBytes(StandardCharsets.UTF_8));
        p.finish();
        return events;
    }

    @Test
    void multiLineData_isJoinedWithLf() {
        assertThat(strict("data: YHOO\ndata: +2\ndata: 10\n\n")).containsExactly(SseEvent.message("YHOO\n+2\n10"));
    }

    @Test
    void commentsIdsAndOneLeadingSpace_followTheSpec() {
        strict(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n");
        assertThat(events).containsExactly(
                new SseEvent("message", "first event", "1"),
                new SseEvent("message", "second event", ""),
                new SseEvent("message", " third event", ""));
    }

    @Test
    void fieldWithoutColon_isAFieldWithEmptyValue_andTruncatedEventIsDiscarded() {
        assertThat(strict("data\n\ndata\ndata\n\ndata:")).containsExactly(SseEvent.message(""), SseEvent.message("\n"));
    }

    @Test
    void eventType_appliesToOneEventOnly_andIdPersists() {
        strict("event: progress\nid: 7\ndata: a\n\ndata: b\n\n");
        assertThat(events).containsExactly(new SseEvent("progress", "a", "7"), new SseEvent("message", "b", "7"));
    }

    @Test
    void eventWithoutData_isNotDispatched_butItsIdIsKept() {
        SseParser p = SseParser.strict(events::add);
        p.feed("event: ping\nid: 3\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).isEmpty();
        assertThat(p.lastEventId()).isEqualTo("3");
    }

    @Test
    void idWithNul_isIgnored() {
        strict("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n");
        assertThat(events).extracting(SseEvent::lastEventId).containsExactly("1", "1");
    }

    @Test
    void retry_acceptsDigitsOnly() {
        SseParser p = SseParser.strict(events::add);
        p.feed("retry: 1500\n\nretry: 15x\n\nretry: -1\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(p.retryMillis()).isEqualTo(1500);
    }

    @Test
    void crLfAndCr_endLines_andCrLfSplitAcrossChunksIsOneLineEnd() {
        SseParser p = SseParser.strict(events::add);
        p.feed("data: a\r".getBytes(StandardCharsets.UTF_8));
        p.feed("\n\r".getBytes(StandardCharsets.UTF_8));
        p.feed("\ndata: b\r\rdata: c\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).containsExactly(SseEvent.message("a"), SseEvent.message("b"), SseEvent.message("c"));
    }

    @Test
    void leadingBom_isDropped_andMultiByteCharacterSplitAcrossChunksIsDecodedWhole() {
        byte[] body = "\uFEFFdata: 进度 🏃\n\n".getBytes(StandardCharsets.UTF_8);
        SseParser p = SseParser.strict(events::add);
        for (byte b : body) {
            p.feed(ByteBuffer.allocateDirect(1).put(b).flip());
        }
        assertThat(events).containsExactly(SseEvent.message("进度 🏃"));
    }

    @Test
    void unknownFields_areIgnored() {
        assertThat(strict("foo: bar\ndata: x\nEvent: y\n\n")).containsExactly(SseEvent.message("x"));
    }

    @Test
    void strictFinish_discardsPendingEvent_lenientFinishDispatchesIt() {
        assertThat(strict("data: [DONE]")).isEmpty();
        SseParser lenient = SseParser.lenient(events::add);
        lenient.feed("data: {\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
        lenient.finish();
        assertThat(events).containsExactly(SseEvent.message("{\"a\":1}"));
    }

    @Test
    void lenient_dispatchesUnprefixedJsonLinesAtOnce() {
        SseParser p = SseParser.lenient(events::add);
        p.feed("{\"a\":1}\n{\"b\":2}\ndata: c\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(events).containsExactly(SseEvent.message("{\"a\":1}"), SseEvent.message("{\"b\":2}"), SseEvent.message("c"));
    }

    @Test
    void strict_ignoresUnprefixedJsonLines() {
        assertThat(strict("{\"a\":1}\n\ndata: c\n\n")).containsExactly(SseEvent.message("c"));
    }

    @Test
    void overlongLine_isRejected_notBuffered() {
        SseParser p = SseParser.of(events::add, false, 16);
        assertThatThrownBy(() -> p.feed("data: 0123456789abcdef\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("event stream line longer than 16 bytes");
    }

    @Test
    void feedAfterFinish_isRejected() {
        SseParser p = SseParser.strict(events::add);
        p.finish();
        assertThatThrownBy(() -> p.feed(new byte[] {'x'})).isInstanceOf(IllegalStateException.class)
                .hasMessage("the event stream was already finished");
    }

    @Test
    void maxLineBytes_mustBePositive() {
        assertThatThrownBy(() -> SseParser.of(events::add, false, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineBytes must be at least 1, but was 0");
    }
}
