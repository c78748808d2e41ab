package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.soraproxy.internal.SseParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 5: throughput of the sora-proxy SSE parser on a large synthetic chat-completions stream
 * (progress chunks in {@code reasoning_content}, keep-alive comments, a multi-byte character, CRLF
 * and LF line ends), fed in 16 KiB slices as the JDK HTTP client delivers them; a
 * {@code BufferedReader.readLine} loop is the naive reference.
 */
final class SseThroughput {
    /** One parser's figures (best of the runs). */
    record Row(String parser, double mibPerS, double eventsPerS, long events, String note) {
    }

    private final Options o;
    private final PrintStream out;

    SseThroughput(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    static byte[] block() {
        StringBuilder sb = new StringBuilder(1 << 20);
        int i = 0;
        while (sb.length() < (1 << 20) - 2048) {
            String eol = i % 3 == 0 ? "\r\n" : "\n";
            sb.append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1758941485,")
                    .append("\"model\":\"sora-2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":")
                    .append("\"\\n**Video Generation Progress**: ").append(i % 100).append("% (processing) \u2014 \u8fdb\u5ea6\\n\"},")
                    .append("\"finish_reason\":null}]}").append(eol).append(eol);
            if (i % 10 == 0) {
                sb.append(": keep-alive").append(eol).append(eol);
            }
            i++;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<Row> run() {
        byte[] block = block();
        long repeats = Math.max(1, o.sseBytes / block.length);
        long total = repeats * block.length;
        List<Row> rows = new ArrayList<>();
        rows.add(best("SseParser.strict (sora-proxy)", () -> parser(block, repeats), total));
        rows.add(best("BufferedReader.readLine (naive reference)", () -> readLines(block, repeats), total));
        Table t = new Table("Scenario 5: SSE parsing, " + (total >> 20) + " MiB synthetic chat-completions stream, 16 KiB slices",
                "parser", "MiB/s", "events/s", "events", "note");
        for (Row r : rows) {
            t.row(r.parser(), r.mibPerS(), r.eventsPerS(), r.events(), r.note());
        }
        t.print(out);
        ObjectNode json = Table.json("sse");
        json.put("bytes", total);
        ArrayNode arr = json.putArray("rows");
        for (Row r : rows) {
            arr.add(Table.JSON.valueToTree(r));
        }
        out.println(json);
        return rows;
    }

    private interface Pass {
        long run();
    }

    private Row best(String name, Pass pass, long total) {
        pass.run(); // warm-up
        double bestSeconds = Double.MAX_VALUE;
        long events = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            events = pass.run();
            bestSeconds = Math.min(bestSeconds, (System.nanoTime() - t0) / 1e9);
        }
        return new Row(name, total / 1048576.0 / bestSeconds, events / bestSeconds, events, "best of 3 after a warm-up pass");
    }

    private static long parser(byte[] block, long repeats) {
        long[] count = new long[1];
        long[] chars = new long[1];
        SseParser p = SseParser.strict(e -> {
            count[0]++;
            chars[0] += e.data().length();
        });
        int slice = 16 * 1024;
        int carry = 0;
        for (long r = 0; r < repeats; r++) {
            // slices of the stream fall at a different offset in each repeat of the block
            int off = carry;
            if (off > 0) {
                p.feed(block, 0, off);
            }
            while (off < block.length) {
                int len = Math.min(slice, block.length - off);
                p.feed(block, off, len);
                off += len;
            }
            carry = (carry + 4099) % slice;
        }
        p.finish();
        return count[0] + (chars[0] == 0 ? 1 : 0);
    }

    private static long readLines(byte[] block, long repeats) {
        long events = 0;
        try {
            for (long r = 0; r < repeats; r++) {
                BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(block), StandardCharsets.UTF_8), 16 * 1024);
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events += line.substring(5).trim().isEmpty() ? 0 : 1;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }
}
