package dev.videosdk.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.CreateOutcome;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.RateLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CreateOutcomeTest {
    @Test
    void onlyProvenRefusalsCountAsNotAccepted() {
        ErrorContext ctx = ErrorContext.of("fake", 502, null, "req-1");
        assertThat(JobWorker.outcomeOf(new JobMayExistException("lost", ctx, null, null)))
                .isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(JobWorker.outcomeOf(new ProviderUnavailableException("reset after sending; a job may exist",
                ctx, false, null))).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(JobWorker.outcomeOf(new IllegalStateException("a bug in provider code")))
                .isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(JobWorker.outcomeOf(new ProviderUnavailableException("connection refused",
                ErrorContext.local("fake"), true, null))).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(JobWorker.outcomeOf(new RateLimitException("slow down", ErrorContext.of("fake", 429, null, null),
                Duration.ofSeconds(3), null))).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(JobWorker.outcomeOf(InvalidRequestException.local("fake", "duration", "7 s")))
                .isEqualTo(CreateOutcome.NOT_ACCEPTED);
    }
}
