package dev.videosdk.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobStatus;
import dev.videosdk.NotFoundException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.internal.time.ManualTime;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LIFECYCLE.md §7: applied, duplicate, ignored, rejected; replay protection is the core's; seen only once applied. */
class WebhookDispatcherTest {
    private final ManualTime time = ManualTime.start();
    private final ScriptedProvider acme = new ScriptedProvider("acme");
    private final List<VideoJob> fetched = new CopyOnWriteArrayList<>();
    private VideoClient client;

    private VideoClient client() {
        acme.webhook = r -> {
            String body = new String(r.body(), StandardCharsets.UTF_8);
            if (body.startsWith("bad")) {
                throw new WebhookVerificationException("acme webhook signature does not match", ErrorContext.local("acme"), null);
            }
            if (body.startsWith("ping")) {
                return WebhookEvent.ignored("ping");
            }
            String[] parts = body.split(";"); // "<job id>;<delivery id>;<epoch seconds>"
            WebhookEvent e = new WebhookEvent(parts[0], JobStatus.running(null), false);
            return parts.length > 2 ? e.withDelivery(parts[1], java.time.Instant.ofEpochSecond(Long.parseLong(parts[2]))) : e;
        };
        acme.poll = j -> {
            fetched.add(j);
            return CompletableFuture.completedFuture(ScriptedProvider.succeeded(j));
        };
        client = VideoClient.builder().withoutDiscovery().provider(acme).clock(time.clock()).scheduler(time.scheduler()).build();
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private CompletableFuture<WebhookOutcome> deliver(String body) {
        return client.webhooks().handle("acme", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private String signed(String job, String id) {
        return job + ";" + id + ";" + time.now().getEpochSecond();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void applied_completesTheWaitAtOnce_withoutWaitingForThePoll() {
        VideoClient c = client();
        acme.poll = j -> CompletableFuture.completedFuture(JobStatus.running(null));
        CompletableFuture<VideoResult> pending = c.generate(VideoRequest.text("x").build());
        time.runDue();
        acme.poll = j -> CompletableFuture.completedFuture(ScriptedProvider.succeeded(j));

        WebhookOutcome o = deliver(signed("acme-job-1", "d1")).join();

        assertThat(o.type()).isEqualTo(WebhookOutcome.Type.APPLIED);
        assertThat(o.jobId()).isEqualTo("acme-job-1");
        assertThat(pending).isCompleted();
        assertThat(time.elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aGenuineRedelivery_isADuplicate_answered2xx_notAnError() {
        client();
        assertThat(deliver(signed("j-9", "d1")).join().type()).isEqualTo(WebhookOutcome.Type.APPLIED);

        WebhookOutcome again = deliver(signed("j-9", "d1")).join();

        assertThat(again.type()).isEqualTo(WebhookOutcome.Type.DUPLICATE);
        assertThat(again.jobId()).isEqualTo("j-9");
        assertThat(fetched).hasSize(1);
    }

    @Test
    void anUnsignedRedelivery_isRecognizedByItsBody() {
        client();
        deliver("j-8").join();
        assertThat(deliver("j-8").join().type()).isEqualTo(WebhookOutcome.Type.DUPLICATE);
    }

    @Test
    void aDeliveryWhoseStatusFetchFailed_isNotSeen_soItsRedeliveryIsApplied() {
        client();
        AtomicInteger n = new AtomicInteger();
        acme.poll = j -> n.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new NotFoundException("not yet", ErrorContext.of("acme", 404, null, null), null))
                : CompletableFuture.completedFuture(ScriptedProvider.succeeded(j));

        Throwable first = failure(deliver(signed("j-7", "d7")));
        WebhookOutcome second = deliver(signed("j-7", "d7")).join();

        assertThat(first).isInstanceOf(NotFoundException.class);
        assertThat(second.type()).isEqualTo(WebhookOutcome.Type.APPLIED);
    }

    @Test
    void aReplayOutsideTheWindow_isRejected() {
        client();
        String old = "j-6;d6;" + time.now().minus(Duration.ofMinutes(6)).getEpochSecond();

        assertThat(failure(deliver(old))).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("replayed");
        assertThat(fetched).isEmpty();
    }

    @Test
    void ignored_andRejected() {
        client();
        assertThat(deliver("ping").join().type()).isEqualTo(WebhookOutcome.Type.IGNORED);
        assertThat(failure(deliver("bad"))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aWebhookReportingFailed_endsTheRunFailed() {
        VideoClient c = client();
        acme.poll = j -> CompletableFuture.completedFuture(JobStatus.running(null));
        CompletableFuture<VideoResult> pending = c.generate(VideoRequest.text("x").build());
        time.runDue();
        acme.poll = j -> CompletableFuture.completedFuture(JobStatus.failed(
                new GenerationFailedException("render crashed", ErrorContext.local("acme"), false, null)));

        deliver(signed("acme-job-1", "d2")).join();

        assertThat(failure(pending)).isInstanceOf(GenerationFailedException.class).hasMessageContaining("render crashed");
    }

    @Test
    void forAJobThisClientSubmitted_theFollowUpFetchUsesThatJob_itsKeyAndAttributes() {
        VideoClient c = client();
        VideoJob job = time.run(c.submit(VideoRequest.text("x").build()));
        fetched.clear();

        deliver(signed(job.id(), "d3")).join();

        assertThat(fetched).containsExactly(job);
        assertThat(ProviderData.keyId(fetched.get(0))).isEqualTo("acme#2");
    }

    @Test
    void aProviderThrowingWhileParsing_failsWithAVideoException() {
        VideoClient c = client();
        acme.webhook = r -> {
            throw new IllegalStateException("parser bug");
        };
        assertThat(failure(c.webhooks().handle("acme", Map.of(), new byte[0]))).isInstanceOf(VideoException.class);
    }
}
