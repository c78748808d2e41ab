package dev.videosdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videosdk.BudgetExceededException;
import dev.videosdk.Cost;
import dev.videosdk.CostEstimate;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobMayExistException;
import dev.videosdk.Price;
import dev.videosdk.PriceTable;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoRequest;
import dev.videosdk.VideoResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cost through the real client: estimates, refusals before any create, actual cost, fallback models. */
class CostLifecycleTest {
    /** 0.50 USD per second for the fake's models (the shipped table prices the fake at zero). */
    private static final PriceTable PRICES = PriceTable.defaults()
            .with(Price.usdPerSecond("fake", "fake-1", "0.50", "test price"))
            .with(Price.usdPerSecond("fake", "fake-2", "0.25", "test price"));

    private final VirtualTime time = VirtualTime.start();
    private final FakeVideoProvider fake = new FakeVideoProvider();
    private final List<CostEstimate> events = new CopyOnWriteArrayList<>();
    private VideoClient client;

    private VideoClient.Builder builder() {
        return VideoClient.builder().withoutDiscovery().provider(fake).clock(time.clock()).scheduler(time.scheduler())
                .prices(PRICES).eventListener(new VideoEventListener() {
                    @Override
                    public void costEstimated(CostEstimate estimate) {
                        events.add(estimate);
                    }
                });
    }

    @AfterEach
    void close() {
        if (client != null) client.close();
        fake.close();
    }

    private static VideoRequest eightSeconds() {
        return VideoRequest.text("A calico cat playing piano").durationSeconds(8).build();
    }

    @Test
    void estimate_isMadeWithoutAnyCall() {
        client = builder().build();

        CostEstimate estimate = client.estimate(eightSeconds());

        assertThat(estimate.cost()).isEqualTo(Cost.usd("4"));
        assertThat(estimate.model()).isEqualTo("fake-1");
        assertThat(estimate.basis()).startsWith("8 s × 0.5 USD/s (fake, fake-1, any resolution, audio on or off); source test price");
        assertThat(client.estimate(eightSeconds().toBuilder().cheapest().build()).isKnown()).isTrue();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void generate_aboveThePerCallLimit_failsBeforeAnyCreate() {
        client = builder().build();

        CompletableFuture<VideoResult> f = client.generate(eightSeconds().toBuilder().maxCost(Cost.usd("3.99")).build());

        assertThatThrownBy(f::join).cause().isInstanceOf(BudgetExceededException.class)
                .hasMessage("the estimate 4 USD for fake model fake-1 is above the per-call limit 3.99 USD (8 s × 0.5 USD/s "
                        + "(fake, fake-1, any resolution, audio on or off); source test price, read " + java.time.LocalDate.now(
                                java.time.ZoneOffset.UTC) + ")");
        assertThat(fake.requests()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void submit_overTheClientBudget_failsBeforeAnyCreate_andActualCostsSettleIt() {
        client = builder().budget(Cost.usd("6")).build();
        fake.reportCost(Cost.usd("1.5"));

        VideoResult first = time.run(client.generate(eightSeconds()));
        assertThat(first.estimatedCost()).contains(Cost.usd("4"));
        assertThat(first.actualCost()).isEqualTo(Cost.usd("1.5"));

        // 6 - 1.5 = 4.5 left: a second 4 USD job fits, a third does not
        time.run(client.submit(eightSeconds()));
        CompletableFuture<?> third = client.submit(eightSeconds());
        assertThatThrownBy(third::join).cause().isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("is above what is left of the client budget of 6 USD, 0.5 USD");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void generate_fallbackModelOnQuota_butNotWhenAJobMayExist() {
        client = builder().modelFallback("fake", "fake-1", "fake-2").build();
        fake.enqueue(FakeScript.rejectSubmit(new QuotaExceededException("fake: out of credits for fake-1",
                ErrorContext.of("fake", 429, "quota", "r-1"), null)));

        VideoResult result = time.run(client.generate(eightSeconds()));

        assertThat(fake.requests()).extracting(VideoRequest::model).containsExactly(null, "fake-2");
        assertThat(result.job().model()).isEqualTo("fake-2");
        assertThat(result.estimatedCost()).contains(Cost.usd("2"));
        assertThat(events).extracting(CostEstimate::model).containsExactly("fake-1", "fake-2");

        fake.enqueue(FakeScript.rejectSubmit(new JobMayExistException("fake: the create call's answer was lost; a job may exist",
                ErrorContext.local("fake"), null, null)));
        CompletableFuture<VideoResult> unknown = client.generate(eightSeconds());
        assertThatThrownBy(() -> time.run(unknown)).cause().isInstanceOf(JobMayExistException.class);
        assertThat(fake.requests()).hasSize(3);
    }
}
