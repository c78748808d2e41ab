package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerateOptions;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.GenerationTimeoutException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.PollingPolicy;
import dev.videosdk.ProgressEvent;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import dev.videosdk.FrameSampler;
import dev.videosdk.MediaInput;
import dev.videosdk.RefinedPrompt;
import dev.videosdk.RefinementRequest;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import dev.videosdk.PromptUseCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core engine driven end to end through the fake provider and virtual time. */
class JobLifecycleTest {
    private static final PollingPolicy EVERY_10S = new PollingPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0,
            Duration.ofSeconds(10), 0.0, Integer.MAX_VALUE, Duration.ofMinutes(10));

    private final VirtualTime time = VirtualTime.start();
    private final FakeVideoProvider fake = new FakeVideoProvider(FakeScript.succeedAfterPolls(3), EVERY_10S, "s3cret");
    private VideoClient client = client(VideoClient.builder().withoutDiscovery().provider(fake));

    @TempDir
    Path dir;

    private VideoClient client(VideoClient.Builder b) {
        return b.clock(time.clock()).scheduler(time.scheduler()).random(() -> 0.5).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static Throwable cause(Runnable r) {
        try {
            r.run();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void generate_reportsProgressInOrderAndReturnsThePlayableVideo() throws Exception {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        VideoResult result = time.run(client.generate(VideoRequest.text("a cat").build(),
                GenerateOptions.builder().onProgress(events::add).build()));

        assertThat(events).extracting(ProgressEvent::state).containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(events).extracting(ProgressEvent::attempt).containsExactly(1, 2, 3);
        assertThat(events).extracting(ProgressEvent::progress).containsExactly(null, 66, 100); // a queued job has no percent yet
        assertThat(events).extracting(ProgressEvent::elapsed)
                .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30));
        assertThat(checkDelays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(result.promptSent()).isEqualTo("a cat");
        assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(30));

        Path file = client.download(result.video(), dir.resolve("cat.mp4")).join();
        byte[] mp4 = Files.readAllBytes(file);
        assertThat(mp4).isEqualTo(FakeVideoProvider.sampleVideo());
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    @Test
    void generate_deadline_failsWithTimeoutCarryingTheJobAndHowToResume() {
        fake.enqueue(FakeScript.neverFinish());
        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("forever").build(),
                GenerateOptions.builder().polling(EVERY_10S.withTimeout(Duration.ofMinutes(2))).build());

        Throwable t = cause(() -> time.run(f));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class)
                .hasMessageContaining("may still finish and be billed").hasMessageContaining("VideoClient.await(VideoJob.fromToken(");
        GenerationTimeoutException timeout = (GenerationTimeoutException) t;
        assertThat(timeout.job().id()).isEqualTo("fake-1");
        assertThat(timeout.attempts()).isEqualTo(12);
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(fake.polls("fake-1")).isEqualTo(12);
    }

    @Test
    void generate_maxAttempts_failsWithTimeout() {
        fake.enqueue(FakeScript.neverFinish());

        Throwable t = cause(() -> time.run(client.generate(VideoRequest.text("x").build(),
                GenerateOptions.builder().polling(EVERY_10S.withMaxAttempts(4)).build())));

        assertThat(t).isInstanceOf(GenerationTimeoutException.class).hasMessageContaining("made 4 status checks");
        assertThat(fake.polls("fake-1")).isEqualTo(4);
    }

    @Test
    void generate_cancel_stopsPollingAndCancelsRemotely() {
        fake.enqueue(FakeScript.neverFinish());
        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
        time.advance(Duration.ofSeconds(25));
        assertThat(fake.polls("fake-1")).isEqualTo(2);

        assertThat(f.cancel(true)).isTrue();
        time.advance(Duration.ofMinutes(5));

        assertThat(fake.polls("fake-1")).isEqualTo(2);
        assertThat(fake.cancelledJobs()).containsExactly("fake-1");
        assertThat(time.pendingTasks()).isZero();
        assertThat(f).isCancelled();
    }

    @Test
    void generate_jobFails_completesWithTheProvidersError() {
        fake.enqueue(FakeScript.failAfter(2, new ContentPolicyException("blocked", List.of("violence"), ErrorContext.local("fake"), null)));

        Throwable t = cause(() -> time.run(client.generate(VideoRequest.text("x").build())));

        assertThat(t).isInstanceOf(ContentPolicyException.class).hasMessage("blocked");
        assertThat(((ContentPolicyException) t).reasons()).containsExactly("violence");
    }

    @Test
    void generate_honoursProviderPollAfterHintWithinPolicy() {
        FakeVideoProvider hinting = new FakeVideoProvider(FakeScript.succeedAfterPolls(3), EVERY_10S, "s")
                .pollAfterHint(Duration.ofSeconds(3));
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(hinting));

        time.run(client.generate(VideoRequest.text("x").build()));

        assertThat(checkDelays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void generate_withProgress_schedulesTheNextCheckAtTheEstimatedFinish() {
        PollingPolicy patient = new PollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(5), 1.0, Duration.ofSeconds(60),
                0.0, Integer.MAX_VALUE, Duration.ofMinutes(10));
        fake.enqueue(FakeScript.succeedAfterPolls(5).withProgress(0, 10, 20, 60)); // the 1st check sees "queued"

        time.run(client.generate(VideoRequest.text("x").build(), GenerateOptions.builder().polling(patient).build()));

        // 10 % at 10 s, 20 % at 15 s: 2 %/s, so 80 % more takes 40 s; the check comes at 90 % of that (36 s).
        // Then 60 % at 51 s: 50 % in 41 s, so 40 % more takes 32.8 s; again 90 % of it.
        assertThat(checkDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(36), Duration.ofMillis(29_520));
    }

    @Test
    void submitThenAwaitFromToken_resumesWithoutResubmitting() {
        String token = time.run(client.submit(VideoRequest.text("x").build())).toToken();
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake)); // "after a restart"

        VideoResult result = time.run(client.await(VideoJob.fromToken(token)));

        assertThat(result.job().id()).isEqualTo("fake-1");
        assertThat(result.promptSent()).isNull(); // this client did not send it
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void webhook_completesThePendingGenerateAtOnce_afterFetchingTheStatus() {
        fake.enqueue(FakeScript.succeedAfterPolls(2));
        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
        time.advance(Duration.ofSeconds(10)); // one check: running
        assertThat(f).isNotDone();

        String body = "{\"id\":\"fake-1\",\"status\":\"succeeded\"}";
        JobStatus status = client.webhooks().handle("fake", Map.of("x-fake-signature", List.of(FakeVideoProvider.sha256Hex("s3cret" + body))),
                body.getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status).join();

        assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(f).isCompleted();
        assertThat(fake.polls("fake-1")).isEqualTo(2); // the authoritative fetch, not a scheduled check
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void webhook_verifiedButNotAboutAJob_isAcknowledgedWithoutAStatus() {
        String body = "{\"type\":\"ping\"}";

        JobStatus status = client.webhooks().handle("fake", Map.of("x-fake-signature", List.of(FakeVideoProvider.sha256Hex("s3cret" + body))),
                body.getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status).join();

        assertThat(status).isNull();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void webhook_badSignature_rejectedAndJobKeepsWaiting() {
        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
        String body = "{\"id\":\"fake-1\",\"status\":\"succeeded\"}";

        Throwable t = cause(() -> client.webhooks().handle("fake", Map.of("x-fake-signature", List.of("00")),
                body.getBytes(StandardCharsets.UTF_8)).thenApply(dev.videosdk.WebhookOutcome::status).join());

        assertThat(t).hasMessage("fake webhook signature does not match");
        assertThat(f).isNotDone();
    }

    @Test
    void fallback_movesToNextProviderOnlyWhenTheCreateWasNotAccepted() {
        FakeVideoProvider primary = new FakeVideoProvider("primary", FakeScript.succeedAfterPolls(1), EVERY_10S, "s");
        primary.enqueue(FakeScript.rejectSubmit(new RateLimitException("busy", ErrorContext.of("primary", 429, null, null), null, null)));
        primary.enqueue(FakeScript.rejectSubmit(new ContentPolicyException("no", List.of(), ErrorContext.local("primary"), null)));
        primary.enqueue(FakeScript.failAfter(1, new GenerationFailedException("render crashed", ErrorContext.local("primary"), true, null)));
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(primary).provider(fake)
                .defaultProvider("primary").fallback("fake"));

        VideoResult viaFallback = time.run(client.generate(VideoRequest.text("a").build()));
        assertThat(viaFallback.job().provider()).isEqualTo("fake");

        assertThat(cause(() -> time.run(client.generate(VideoRequest.text("b").build())))).isInstanceOf(ContentPolicyException.class);
        // accepted by primary then failed: never re-submitted elsewhere
        assertThat(cause(() -> time.run(client.generate(VideoRequest.text("c").build())))).hasMessage("render crashed");
        assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("a");
    }

    @Test
    void maxJobsInFlight_queuesFairlyInArrivalOrder() {
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake).maxJobsInFlight("fake", 1));

        CompletableFuture<VideoResult> first = client.generate(VideoRequest.text("first").build());
        CompletableFuture<VideoResult> second = client.generate(VideoRequest.text("second").build());
        CompletableFuture<VideoResult> third = client.generate(VideoRequest.text("third").build());
        assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("first");

        time.run(first);
        assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("first", "second");
        time.run(third);
        assertThat(second).isCompleted();
        assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("first", "second", "third");
    }

    @Test
    void validation_failsBeforeAnyCallNamingProviderParameterValueAndAllowed() {
        Throwable t = cause(() -> client.generate(VideoRequest.text("x").durationSeconds(7).build()).join());

        assertThat(t).hasMessage("fake does not support duration 7s; allowed: [4s, 5s, 8s, 10s, 12s]");
        assertThat(fake.requests()).isEmpty();

        assertThat(cause(() -> client.generate(VideoRequest.text("x").aspectRatio(dev.videosdk.AspectRatio.CINEMA_21_9).build()).join()))
                .hasMessage("fake does not support aspectRatio 21:9; allowed: [16:9, 9:16, 1:1]");
        assertThat(cause(() -> client.generate(VideoRequest.text("x").image(dev.videosdk.MediaInput.file(dir.resolve("missing.png"))).build()).join()))
                .hasMessage("image file " + dir.resolve("missing.png") + " cannot be read");
        assertThat(cause(() -> client.generate(VideoRequest.text("x").image(dev.videosdk.MediaInput.bytes(new byte[] {1}, "image/tiff")).build()).join()))
                .hasMessage("fake does not support image type image/tiff; allowed: [image/jpeg, image/png, image/webp]");
        assertThat(cause(() -> client.generate(VideoRequest.text("x".repeat(4001)).build()).join()))
                .hasMessage("fake allows a prompt of at most 4000 characters, but it was 4001");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void config_unknownProviderListsKnownOnes_andMissingRefinerSaysWhatToSet() {
        assertThatThrownBy(() -> VideoClient.builder().withoutDiscovery().provider(fake).defaultProvider("sora").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown video provider 'sora' (from defaultProvider); known providers: [fake]");
        assertThatThrownBy(() -> VideoClient.builder().env(Map.of("VIDEO_PROVIDER", "nope")).build())
                .hasMessageStartingWith("unknown video provider 'nope' (from VIDEO_PROVIDER); known providers: [")
                .hasMessageContaining("fake");
        assertThat(cause(() -> client.generate(VideoRequest.text("x").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).build()).join()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no PromptRefiner is configured");
    }

    @Test
    void fromEnv_discoversTheFakeWithServiceLoader() {
        try (VideoClient fromEnv = VideoClient.fromEnv(Map.of("VIDEO_PROVIDER", "fake"))) {
            assertThat(fromEnv.providers()).contains("fake");
            assertThat(fromEnv.defaultProvider()).isEqualTo("fake");
        }
    }

    @Test
    void refiner_promptSentIsRecorded_andFailureFailsFastUnlessFallbackAsked() {
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake)
                .promptRefiner(r -> r.prompt().equals("boom")
                        ? CompletableFuture.failedFuture(new ProviderUnavailableException("refiner down", ErrorContext.local("refiner"), null))
                        : CompletableFuture.completedFuture(new RefinedPrompt(r.prompt(), r.prompt() + ", cinematic, " + r.useCase(), null))));
        GenerateOptions refine = GenerateOptions.builder().refinePrompt(PromptUseCase.PRODUCT_VIDEO, null).build();

        VideoResult r = time.run(client.generate(VideoRequest.text("a watch").build(), refine));
        assertThat(r.originalPrompt()).isEqualTo("a watch");
        assertThat(r.promptSent()).isEqualTo("a watch, cinematic, PRODUCT_VIDEO");
        assertThat(fake.requests().get(0).prompt()).isEqualTo("a watch, cinematic, PRODUCT_VIDEO");

        assertThat(cause(() -> time.run(client.generate(VideoRequest.text("boom").build(), refine)))).hasMessage("refiner down");
        VideoResult fallback = time.run(client.generate(VideoRequest.text("boom").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).refineFallbackToOriginal(true).build()));
        assertThat(fallback.promptSent()).isEqualTo("boom");
    }

    @Test
    void refiner_getsTheSampledReferenceVideoFramesInOrder_andASamplerFailureFollowsTheFallbackRule() {
        client.close();
        MediaInput video = MediaInput.url("https://example.com/motion.mp4");
        List<MediaInput> frames = List.of(MediaInput.bytes(new byte[] {1}, "image/jpeg"),
                MediaInput.bytes(new byte[] {2}, "image/jpeg"), MediaInput.bytes(new byte[] {3}, "image/jpeg"));
        List<String> asked = new CopyOnWriteArrayList<>();
        List<RefinementRequest> seen = new CopyOnWriteArrayList<>();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake)
                .frameSampler((v, max) -> {
                    asked.add(((MediaInput.Url) v).uri() + " max " + max);
                    return v.equals(video) ? CompletableFuture.completedFuture(frames)
                            : CompletableFuture.failedFuture(new IllegalStateException("unreadable video"));
                })
                .promptRefiner(r -> {
                    seen.add(r);
                    return CompletableFuture.completedFuture(new RefinedPrompt(r.prompt(),
                            r.prompt() + " (" + r.referenceVideoFrames().size() + " frames)", null));
                }));
        GenerateOptions refine = GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).build();

        VideoResult r = time.run(client.generate(VideoRequest.text("a dancer").referenceVideo(video).build(), refine));

        assertThat(asked).containsExactly("https://example.com/motion.mp4 max " + FrameSampler.DEFAULT_FRAMES);
        assertThat(seen.get(0).referenceVideoFrames()).containsExactlyElementsOf(frames);
        assertThat(r.promptSent()).isEqualTo("a dancer (3 frames)");
        time.run(client.generate(VideoRequest.text("no video").build(), refine));
        assertThat(seen.get(1).referenceVideoFrames()).isEmpty();
        assertThat(asked).hasSize(1);

        MediaInput broken = MediaInput.url("https://example.com/broken.mp4");
        assertThat(cause(() -> time.run(client.generate(VideoRequest.text("x").referenceVideo(broken).build(), refine))))
                .hasMessageContaining("unreadable video");
        VideoResult fallback = time.run(client.generate(VideoRequest.text("x").referenceVideo(broken).build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).refineFallbackToOriginal(true).build()));
        assertThat(fallback.promptSent()).isEqualTo("x");
        assertThat(seen).hasSize(2);
    }

    @Test
    void refiner_withoutASamplerGetsNoFramesForAReferenceVideo() {
        client.close();
        List<RefinementRequest> seen = new CopyOnWriteArrayList<>();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake).promptRefiner(r -> {
            seen.add(r);
            return CompletableFuture.completedFuture(RefinedPrompt.unchanged(r.prompt()));
        }));

        time.run(client.generate(VideoRequest.text("a dancer").referenceVideo(MediaInput.url("https://example.com/m.mp4")).build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).build()));

        assertThat(seen).singleElement().satisfies(r -> assertThat(r.referenceVideoFrames()).isEmpty());
        assertThat(fake.requests().get(0).referenceVideo()).isNotNull();
    }

    @Test
    void refineByDefault_refinesEveryCallThatDoesNotAskOtherwise() {
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake)
                .promptRefiner(r -> CompletableFuture.completedFuture(new RefinedPrompt(r.prompt(),
                        r.prompt() + " [" + r.useCase() + ", " + r.extraInstructions() + "]", null)))
                .refineByDefault(PromptUseCase.LUXURY_BRAND, "gold tones"));

        VideoResult r = time.run(client.generate(VideoRequest.text("a ring").build()));

        assertThat(r.promptSent()).isEqualTo("a ring [LUXURY_BRAND, gold tones]");
        assertThatThrownBy(() -> VideoClient.builder().withoutDiscovery().provider(fake)
                .refineByDefault(PromptUseCase.GENERAL, null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs a PromptRefiner");
    }

    @Test
    void refinedPrompt_isValidatedBeforeSubmitting() {
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake)
                .promptRefiner(r -> CompletableFuture.completedFuture(new RefinedPrompt(r.prompt(), "y".repeat(4001), null))));

        Throwable t = cause(() -> time.run(client.generate(VideoRequest.text("short").build(),
                GenerateOptions.builder().refinePrompt(PromptUseCase.GENERAL, null).build())));

        assertThat(t).hasMessage("fake allows a prompt of at most 4000 characters, but it was 4001");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void progress_neverGoesBackwardsInEvents() {
        fake.enqueue(FakeScript.succeedAfterPolls(5).withProgress(0, 40, 30, 60));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        time.run(client.generate(VideoRequest.text("x").build(), GenerateOptions.builder().onProgress(events::add).build()));

        assertThat(events).extracting(ProgressEvent::progress).containsExactly(null, 40, 40, 60, 100);
    }

    @Test
    void fakeClient_oneLineSetupRunsOnVirtualTime() {
        VirtualTime t = VirtualTime.start();
        try (VideoClient c = new FakeVideoProvider().client(t)) {
            VideoResult r = t.run(c.generate(VideoRequest.text("x").build()));
            assertThat(r.job().provider()).isEqualTo("fake");
            assertThat(t.elapsed()).isEqualTo(Duration.ofMillis(900));
        }
    }

    @Test
    void fakeProvider_isDeterministicAndRecordsRequests() {
        time.run(client.generate(VideoRequest.text("one").build()));
        time.run(client.generate(VideoRequest.text("two").build()));
        assertThat(fake.requests()).extracting(VideoRequest::prompt).containsExactly("one", "two");
        assertThat(fake.polls("fake-1")).isEqualTo(3);
        assertThat(fake.polls("fake-2")).isEqualTo(3);
        assertThat(cause(() -> client.status(VideoJob.of("fake", "nope", null, time.now())).join()))
                .isInstanceOf(dev.videosdk.NotFoundException.class);
    }

    // ---------------------------------------------------------------- the fake's lifecycle scripting

    @Test
    void fake_holdNextCreate_letsATestCancelDuringTheCreate_theJobIsCancelledOnceAccepted() {
        CompletableFuture<Void> gate = fake.holdNextCreate();
        CompletableFuture<VideoResult> f = client.generate(VideoRequest.text("x").build());
        time.runDue();
        assertThat(fake.requests()).isEmpty(); // the create is still in flight

        f.cancel(true);
        gate.complete(null);
        time.runDue();

        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.cancelledJobs()).containsExactly("fake-1");
    }

    @Test
    void fake_createOutcomeUnknown_endsInJobMayExist_neverRetriedNorFallenBack() {
        FakeVideoProvider backup = new FakeVideoProvider("backup", FakeScript.succeedAfterPolls(1), EVERY_10S, "s");
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake).provider(backup).defaultProvider("fake")
                .fallback("backup"));
        fake.enqueue(FakeScript.createOutcome(dev.videosdk.CreateOutcome.UNKNOWN));

        Throwable t = cause(() -> time.run(client.generate(VideoRequest.text("x").build())));

        assertThat(t).isInstanceOf(dev.videosdk.JobMayExistException.class).hasMessageContaining("a job may exist");
        assertThat(backup.requests()).isEmpty();
    }

    @Test
    void fake_createOutcomeNotAccepted_fallsBack() {
        FakeVideoProvider backup = new FakeVideoProvider("backup", FakeScript.succeedAfterPolls(1), EVERY_10S, "s");
        client.close();
        client = client(VideoClient.builder().withoutDiscovery().provider(fake).provider(backup).defaultProvider("fake")
                .fallback("backup").retryPolicy(dev.videosdk.RetryPolicy.none()));
        fake.enqueue(FakeScript.createOutcome(dev.videosdk.CreateOutcome.NOT_ACCEPTED));

        VideoResult r = time.run(client.generate(VideoRequest.text("x").build()));

        assertThat(r.job().provider()).isEqualTo("backup");
    }

    @Test
    void fake_succeedAfterADuration_finishesByVirtualTime() {
        fake.enqueue(FakeScript.succeedAfter(Duration.ofSeconds(95)));

        time.run(client.generate(VideoRequest.text("x").build()));

        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(100)); // the first check at or after 95 s (every 10 s)
        assertThat(fake.polls("fake-1")).isEqualTo(10);
    }

    /** The delays of status checks: every scheduled delay but the run's deadline timer (10 min, the policies' timeout here). */
    private List<Duration> checkDelays() {
        return time.scheduledDelays().stream().filter(d -> !d.equals(Duration.ofMinutes(10))).toList();
    }
}
