package dev.videosdk.soraproxy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StreamObserver;
import dev.videosdk.testing.VirtualTime;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Runs a {@link ChatStreamSubscriber} over an in-memory body cut into chunks, on virtual time. */
final class StreamHarness {
    static final Duration IDLE = Duration.ofSeconds(300);

    final VirtualTime time = VirtualTime.start();
    final VideoJob job = ProviderData.withKeyId(VideoJob.of("sora-proxy", "chat-1", "sora_video2", time.now()), "sora-proxy#1");
    final CompletableFuture<JobStatus> result = new CompletableFuture<>();
    final List<JobStatus> updates = Collections.synchronizedList(new ArrayList<>());
    final ChunkPublisher body;

    private StreamHarness(List<byte[]> chunks, boolean completeAtEnd, List<String> inputs) {
        body = new ChunkPublisher(chunks, completeAtEnd);
        GatewayErrors errors = new GatewayErrors("sora-proxy", time.clock());
        ChatTranscript transcript = new ChatTranscript(job, inputs, errors, "req-1");
        StreamObserver observer = new StreamObserver() {
            @Override
            public void started(VideoJob j) {
            }

            @Override
            public void update(JobStatus status) {
                updates.add(status);
            }
        };
        body.subscribe(new ChatStreamSubscriber(job, result, transcript, errors, observer, new ObjectMapper(),
                time.scheduler(), time.clock(), IDLE, "req-1"));
    }

    /** Feeds {@code sse} in chunks of {@code chunkSize} bytes, then ends the body. */
    static StreamHarness run(String sse, int chunkSize) {
        return run(sse, chunkSize, List.of());
    }

    /** Same, with the request's input image URLs. */
    static StreamHarness run(String sse, int chunkSize, List<String> inputs) {
        return new StreamHarness(split(sse, chunkSize), true, inputs);
    }

    /** Feeds {@code sse} and then sends nothing more, without ending the body. */
    static StreamHarness stall(String sse) {
        return new StreamHarness(split(sse, Integer.MAX_VALUE), false, List.of());
    }

    List<Integer> progress() {
        return updates.stream().map(JobStatus::progress).toList();
    }

    private static List<byte[]> split(String sse, int size) {
        byte[] all = sse.getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.length; i += size) {
            out.add(java.util.Arrays.copyOfRange(all, i, (int) Math.min(all.length, (long) i + size)));
        }
        return out;
    }

    /** A body that hands out one chunk per requested item, without recursion. */
    static final class ChunkPublisher implements Flow.Publisher<List<ByteBuffer>> {
        private final List<byte[]> chunks;
        private final boolean completeAtEnd;
        volatile boolean cancelled;
        private int next;
        private long demand;
        private boolean emitting;
        private boolean completed;

        ChunkPublisher(List<byte[]> chunks, boolean completeAtEnd) {
            this.chunks = chunks;
            this.completeAtEnd = completeAtEnd;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    demand += n;
                    if (emitting) {
                        return;
                    }
                    emitting = true;
                    while (demand > 0 && !cancelled && next < chunks.size()) {
                        demand--;
                        s.onNext(List.of(ByteBuffer.wrap(chunks.get(next++))));
                    }
                    if (next == chunks.size() && completeAtEnd && !cancelled && !completed) {
                        completed = true;
                        s.onComplete();
                    }
                    emitting = false;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }
}
