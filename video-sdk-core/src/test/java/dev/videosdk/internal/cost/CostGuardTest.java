package dev.videosdk.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.AspectRatio;
import dev.videosdk.BudgetExceededException;
import dev.videosdk.Cost;
import dev.videosdk.CostEstimate;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.PriceTable;
import dev.videosdk.QualityTier;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Budget refusals, model choice and fallback models, against a recording provider (no network). */
class CostGuardTest {
    private static final String VEO = "veo";
    private static final String STANDARD = "veo-3.1-generate-preview";
    private static final String FAST = "veo-3.1-fast-generate-preview";
    private static final String LITE = "veo-3.1-lite-generate-preview";

    /** Veo-like: three models, Lite without 4K; prices from the shipped table. */
    private static final ProviderCapabilities CAPS = ProviderCapabilities.builder()
            .models(true, STANDARD, FAST, LITE)
            .durationsSeconds(4, 6, 8)
            .aspectRatios(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16)
            .resolutions(Resolution.HD_720P, Resolution.FHD_1080P, Resolution.UHD_4K)
            .model(ModelCapabilities.builder(STANDARD).tier(QualityTier.HIGH).defaultResolution(Resolution.HD_720P).build())
            .model(ModelCapabilities.builder(FAST).tier(QualityTier.STANDARD).defaultResolution(Resolution.HD_720P).build())
            .model(ModelCapabilities.builder(LITE).tier(QualityTier.STANDARD).defaultResolution(Resolution.HD_720P)
                    .resolutions(Resolution.HD_720P, Resolution.FHD_1080P).build())
            .build();

    /** Records every create; answers from a script (null = accept). */
    static final class Recording implements VideoProvider {
        final List<VideoRequest> sent = new ArrayList<>();
        final Deque<VideoException> answers = new ArrayDeque<>();
        /** Models whose own rules refuse a request with reference images (as Veo Lite's do). */
        final java.util.Set<String> noReferences = new java.util.HashSet<>();

        @Override
        public void validate(VideoRequest request) {
            if (!request.referenceImages().isEmpty() && noReferences.contains(request.model())) {
                throw InvalidRequestException.local(VEO, "referenceImages", request.model() + " does not take reference images");
            }
        }

        @Override
        public String id() {
            return VEO;
        }

        @Override
        public ProviderCapabilities capabilities() {
            return CAPS;
        }

        @Override
        public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
            sent.add(request);
            VideoException answer = answers.poll();
            return answer != null ? CompletableFuture.failedFuture(answer)
                    : CompletableFuture.completedFuture(VideoJob.of(VEO, "op-" + sent.size(), request.model(), Instant.EPOCH));
        }

        @Override
        public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<CostEstimate> events = new ArrayList<>();
    private final VideoEventListener listener = new VideoEventListener() {
        @Override
        public void costEstimated(CostEstimate estimate) {
            events.add(estimate);
        }
    };

    private CostGuard guard(Cost maxPerCall, Cost budget, boolean allowUnknown, Map<String, List<String>> fallback) {
        return new CostGuard(new CostSettings(PriceTable.defaults(), maxPerCall, budget, allowUnknown, fallback), listener);
    }

    private static VideoRequest eightSeconds() {
        return VideoRequest.text("a lighthouse").durationSeconds(8).build();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void perCallLimitRefusesBeforeAnyCreateAndNamesEstimateAndLimit() {
        Recording provider = new Recording();
        VideoRequest request = eightSeconds().toBuilder().model(STANDARD).maxCost(Cost.usd("2.00")).build();
        Throwable e = failure(guard(null, null, false, Map.of()).submit(provider, request, null));
        assertThat(e).isInstanceOf(BudgetExceededException.class).hasMessageStartingWith(
                "the estimate 3.2 USD for veo model veo-3.1-generate-preview is above the per-call limit 2 USD (8 s × 0.4 USD/s");
        BudgetExceededException b = (BudgetExceededException) e;
        assertThat(b.estimate().cost()).isEqualTo(Cost.usd("3.2"));
        assertThat(b.limit()).isEqualTo(Cost.usd("2.00"));
        assertThat(b.kind()).isEqualTo(BudgetExceededException.Limit.PER_CALL);
        assertThat(b.isRetryable()).isFalse();
        assertThat(provider.sent).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void clientLimitAppliesWhenTheRequestSetsNone() {
        CostGuard guard = guard(Cost.usd("1"), null, false, Map.of());
        assertThatThrownBy(() -> guard.check(new Recording(), eightSeconds().toBuilder().model(FAST).build()))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageStartingWith("the estimate 1.2 USD for veo model veo-3.1-fast-generate-preview is above the per-call limit 1 USD");
        assertThat(guard.check(new Recording(), eightSeconds().toBuilder().model(FAST).maxCost(Cost.usd("1.5")).build()).cost())
                .isEqualTo(Cost.usd("1.2"));
    }

    @Test
    void unknownPriceIsRefusedUnderALimitUnlessAllowed() {
        VideoRequest request = eightSeconds().toBuilder().model("veo-2.0-generate-001").build();
        assertThatThrownBy(() -> guard(Cost.usd("5"), null, false, Map.of()).check(new Recording(), request))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageStartingWith("the cost of veo model veo-2.0-generate-001 is unknown (price unknown for");
        assertThat(guard(Cost.usd("5"), null, true, Map.of()).check(new Recording(), request).isKnown()).isFalse();
        assertThat(guard(null, null, false, Map.of()).check(new Recording(), request).isKnown()).isFalse();
    }

    @Test
    void clientBudgetIsReservedPerJobAndGivenBackWhenNotAccepted() {
        Recording provider = new Recording();
        CostGuard guard = guard(null, Cost.usd("5"), false, Map.of());
        VideoRequest standard = eightSeconds().toBuilder().model(STANDARD).build();
        VideoJob first = guard.submit(provider, standard, null).join();
        assertThat(first.estimatedCost()).isEqualTo(Cost.usd("3.2"));
        Throwable refused = failure(guard.submit(provider, standard, null));
        assertThat(refused).isInstanceOf(BudgetExceededException.class)
                .hasMessageStartingWith("the estimate 3.2 USD for veo model veo-3.1-generate-preview is above what is left of "
                        + "the client budget of 5 USD, 1.8 USD");
        assertThat(((BudgetExceededException) refused).kind()).isEqualTo(BudgetExceededException.Limit.CLIENT_BUDGET);
        assertThat(provider.sent).hasSize(1);

        // a create that was not accepted gives its reservation back
        provider.answers.add(quota());
        VideoRequest fast = eightSeconds().toBuilder().model(FAST).build();
        assertThat(failure(guard.submit(provider, fast, null))).isInstanceOf(QuotaExceededException.class);
        assertThat(guard.submit(provider, fast, null).join().estimatedCost()).isEqualTo(Cost.usd("1.2"));
        // 3.2 + 1.2 used; the actual cost reported for the first job (2 USD) replaces its estimate
        assertThat(guard.actualCost(first, succeeded().withCost(Cost.usd("2")))).isEqualTo(Cost.usd("2"));
        assertThat(guard.check(new Recording(), fast).cost()).isEqualTo(Cost.usd("1.2"));
        assertThatThrownBy(() -> guard.check(new Recording(), standard)).isInstanceOf(BudgetExceededException.class);
    }

    @Test
    void actualCostGetsItsDollarRateFromTheTable() {
        VideoJob job = VideoJob.of("runway", "t", "gen4_turbo", Instant.EPOCH);
        Cost actual = guard(null, null, false, Map.of()).actualCost(job,
                succeeded().withCost(Cost.of(new BigDecimal("25"), "runway-credits")));
        assertThat(actual.toUsd()).contains(new BigDecimal("0.25"));
        assertThat(guard(null, null, false, Map.of()).actualCost(job, succeeded())).isNull();
    }

    @Test
    void fallbackModelOnQuotaErrorButNeverWhenAJobMayExist() {
        Recording provider = new Recording();
        CostGuard guard = guard(null, null, false, Map.of(VEO, List.of(STANDARD, FAST, LITE)));
        provider.answers.add(quota());
        VideoJob job = guard.submit(provider, eightSeconds().toBuilder().model(STANDARD).build(), null).join();
        assertThat(provider.sent).extracting(VideoRequest::model).containsExactly(STANDARD, FAST);
        assertThat(job.model()).isEqualTo(FAST);
        assertThat(job.estimatedCost()).isEqualTo(Cost.usd("1.2"));
        assertThat(events).extracting(CostEstimate::model).containsExactly(STANDARD, FAST);

        Recording unknown = new Recording();
        unknown.answers.add(new JobMayExistException("veo: the create call timed out after it was sent; a job may exist",
                ErrorContext.local(VEO), null, null));
        Throwable e = failure(guard.submit(unknown, eightSeconds().toBuilder().model(STANDARD).build(), null));
        assertThat(e).isInstanceOf(JobMayExistException.class);
        assertThat(unknown.sent).extracting(VideoRequest::model).containsExactly(STANDARD);
    }

    @Test
    void fallbackSkipsModelsThatDoNotFitAndStopsAtTheEnd() {
        Recording provider = new Recording();
        CostGuard guard = guard(null, null, false, Map.of(VEO, List.of(STANDARD, LITE, FAST)));
        provider.answers.add(quota());
        provider.answers.add(quota());
        VideoRequest uhd = eightSeconds().toBuilder().model(STANDARD).resolution(Resolution.UHD_4K).build();
        Throwable e = failure(guard.submit(provider, uhd, null));
        assertThat(e).isInstanceOf(QuotaExceededException.class);
        assertThat(provider.sent).extracting(VideoRequest::model).containsExactly(STANDARD, FAST); // Lite has no 4K
    }

    @Test
    void choosesByTierAndByPriceAmongModelsThatFit() {
        CostGuard guard = guard(null, null, false, Map.of());
        CostEstimate high = guard.estimate(new Recording(), eightSeconds().toBuilder().quality(QualityTier.HIGH).build());
        assertThat(high.model()).isEqualTo(STANDARD);
        assertThat(high.choice()).isEqualTo("first declared of [veo-3.1-generate-preview] (quality HIGH) that fit the request");

        CostEstimate cheapest = guard.estimate(new Recording(), eightSeconds().toBuilder().cheapest().build());
        assertThat(cheapest.model()).isEqualTo(LITE);
        assertThat(cheapest.cost()).isEqualTo(Cost.usd("0.4"));
        assertThat(cheapest.choice()).isEqualTo("cheapest of [veo-3.1-generate-preview, veo-3.1-fast-generate-preview, "
                + "veo-3.1-lite-generate-preview] that fit the request");

        // only Standard and Fast offer 4K: the cheapest that satisfies the request is Fast
        CostEstimate uhd = guard.estimate(new Recording(), eightSeconds().toBuilder().cheapest().resolution(Resolution.UHD_4K).build());
        assertThat(uhd.model()).isEqualTo(FAST);
        assertThat(uhd.cost()).isEqualTo(Cost.usd("2.8"));

        CostEstimate standardTier = guard.estimate(new Recording(), eightSeconds().toBuilder().quality(QualityTier.STANDARD)
                .cheapest().build());
        assertThat(standardTier.model()).isEqualTo(LITE);
    }

    @Test
    void choiceIsSentAndReported() {
        Recording provider = new Recording();
        VideoJob job = guard(null, null, false, Map.of()).submit(provider, eightSeconds().toBuilder().cheapest().build(), null)
                .join();
        assertThat(provider.sent).extracting(VideoRequest::model).containsExactly(LITE);
        assertThat(job.estimatedCost()).isEqualTo(Cost.usd("0.4"));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.choice()).startsWith("cheapest of"));
    }

    @Test
    void noModelFitsNamesWhatWasConsidered() {
        VideoRequest request = VideoRequest.text("x").durationSeconds(8).quality(QualityTier.STANDARD)
                .resolution(Resolution.SD_480P).build();
        assertThatThrownBy(() -> guard(null, null, false, Map.of()).estimate(new Recording(), request))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("no veo model of quality STANDARD fits the request (duration 8 s, aspect ratio default, resolution "
                        + "480p); models considered: [veo-3.1-fast-generate-preview, veo-3.1-lite-generate-preview]");
    }

    @Test
    void choiceSkipsModelsWhoseOwnRulesRefuseTheRequest() {
        Recording provider = new Recording();
        provider.noReferences.add(LITE);
        VideoRequest withReference = eightSeconds().toBuilder().cheapest()
                .referenceImage(dev.videosdk.MediaInput.url("https://example.com/ref.png")).build();
        CostEstimate chosen = guard(null, null, false, Map.of()).estimate(provider, withReference);
        assertThat(chosen.model()).isEqualTo(FAST);
        assertThat(chosen.choice()).isEqualTo("cheapest of [veo-3.1-generate-preview, veo-3.1-fast-generate-preview] that fit "
                + "the request");
    }

    private static QuotaExceededException quota() {
        return new QuotaExceededException("veo: RESOURCE_EXHAUSTED quota", ErrorContext.of(VEO, 429, "RESOURCE_EXHAUSTED", "r-1"),
                null);
    }

    private static JobStatus succeeded() {
        return JobStatus.succeeded(List.of(VideoAsset.builder().uri(URI.create("https://cdn.example/v.mp4"))
                .mimeType("video/mp4").variant(VideoAsset.VIDEO).provider(VEO).build()));
    }
}
