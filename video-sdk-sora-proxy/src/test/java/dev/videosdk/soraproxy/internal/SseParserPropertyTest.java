package dev.videosdk.soraproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Splitting a valid event stream at arbitrary byte positions, with any mix of LF / CR / CRLF line
 * ends, comments, unknown fields, ids and a BOM, yields exactly the events the stream describes.
 */
class SseParserPropertyTest {

    /** One event as written: optional type and id, zero or more data lines, each line with its own ending. */
    record Spec(String type, String id, List<String> dataLines, boolean comment) {
    }

    @Property(tries = 500)
    void anySplitAndLineEndings_yieldTheDescribedEvents(
            @ForAll("streams") List<Spec> specs,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 2) Integer> endings,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 64) Integer> chunkSizes,
            @ForAll boolean bom,
            @ForAll boolean directBuffers) {
        Written written = write(specs, endings, bom);

        List<SseEvent> whole = new ArrayList<>();
        SseParser one = SseParser.strict(whole::add);
        one.feed(written.bytes());
        one.finish();

        List<SseEvent> split = new ArrayList<>();
        SseParser many = SseParser.strict(split::add);
        byte[] bytes = written.bytes();
        int pos = 0;
        for (int i = 0; pos < bytes.length; i++) {
            int n = Math.min(chunkSizes.get(i % chunkSizes.size()), bytes.length - pos);
            ByteBuffer chunk = directBuffers ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
            chunk.put(bytes, pos, n).flip();
            many.feed(chunk);
            pos += n;
        }
        many.finish();

        assertThat(whole).isEqualTo(written.expected());
        assertThat(split).isEqualTo(written.expected());
    }

    @Provide
    Arbitrary<List<Spec>> streams() {
        // whole code points only (an emoji is two chars): a lone surrogate is not text any stream could carry
        Arbitrary<String> piece = Arbitraries.of("a", "b", " ", "x", ":", "{", "}", "\"", "[", "]", "7", "%", ".", "进", "度",
                "🏃", "é", "✅", "\u0000");
        Arbitrary<String> text = piece.list().ofMinSize(0).ofMaxSize(12).map(l -> String.join("", l));
        Arbitrary<String> type = Arbitraries.of("", "message", "progress", "error");
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.just((String) null), Arbitraries.strings().alpha().numeric().ofMaxLength(5));
        Arbitrary<List<String>> data = text.list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Spec> spec = Combinators.combine(type, id, data, Arbitraries.of(true, false)).as(Spec::new);
        return spec.list().ofMinSize(0).ofMaxSize(8);
    }

    /** A serialised stream and the events a correct parser must emit from it. */
    record Written(byte[] bytes, List<SseEvent> expected) {
    }

    private static Written write(List<Spec> specs, List<Integer> endings, boolean bom) {
        List<String> lines = new ArrayList<>();
        List<SseEvent> expected = new ArrayList<>();
        String lastId = "";
        for (Spec s : specs) {
            if (s.comment()) {
                lines.add(": keep-alive");
                lines.add("x-unknown: ignored");
            }
            if (!s.type().isEmpty()) {
                lines.add("event:" + s.type());
            }
            if (s.id() != null) {
                lines.add("id: " + s.id());
                lastId = s.id();
            }
            for (String d : s.dataLines()) {
                // "data:" + value keeps a leading space of the value only when a separator space is written
                lines.add(d.startsWith(" ") || d.hashCode() % 2 == 0 ? "data: " + d : "data:" + d);
            }
            lines.add("");
            if (!s.dataLines().isEmpty()) {
                expected.add(new SseEvent(s.type().isEmpty() ? "message" : s.type(), String.join("\n", s.dataLines()), lastId));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        }
        String previous = "\n";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String ending = switch (endings.get(i % endings.size())) {
                case 0 -> "\n";
                case 1 -> "\r";
                default -> "\r\n";
            };
            if (previous.equals("\r") && line.isEmpty() && ending.equals("\n")) {
                ending = "\r\n"; // CR then an empty LF line would read as one CRLF: not a different stream, just ambiguous
            }
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(ending.getBytes(StandardCharsets.UTF_8));
            previous = ending;
        }
        return new Written(out.toByteArray(), expected);
    }
}
