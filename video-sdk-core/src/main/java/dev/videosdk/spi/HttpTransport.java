package dev.videosdk.spi;

import java.util.concurrent.CompletableFuture;

/**
 * The core's HTTP transport, shared by all providers of a client: one {@code HttpClient}, async
 * I/O, retries with backoff and jitter that honour {@code Retry-After}, key pools, error mapping,
 * request-id capture and debug logging without secrets.
 */
public interface HttpTransport {

    /**
     * Sends the call, retrying as its {@link CallKind} allows, and completes with the answer, or
     * exceptionally with a {@link dev.videosdk.VideoException} (the mapped error of the last try).
     */
    CompletableFuture<HttpReply> send(HttpCall call);

    /**
     * Sends the call and completes when the response headers arrive, with the body still to be
     * read. Error answers (mapped as for {@link #send}) are retried as the call's kind allows
     * before any body is handed out. Cancelling the returned future aborts the call.
     */
    CompletableFuture<HttpStream> stream(HttpCall call);
}
