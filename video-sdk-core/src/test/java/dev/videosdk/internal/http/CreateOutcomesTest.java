package dev.videosdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.CreateOutcome;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The outcome table of LIFECYCLE.md §2 read directly (the wire side is in {@link DefaultHttpTransportTest}):
 * each row, each boundary of the status ranges, and the message of the "a job may exist" error. Written after
 * PIT found these rows reached only through one or two wire tests (ADR 0010, "Mutation testing").
 */
class CreateOutcomesTest {
    private static final Predicate<VideoException> NONE_DECLARED = e -> false;

    private static VideoException status(int status) {
        return new VideoException("acme answered HTTP " + status, ErrorContext.of("acme", status, null, "req-7"), status >= 500, null);
    }

    private static VideoException lost(boolean retryable) {
        return new ProviderUnavailableException("acme: connection reset", ErrorContext.local("acme"), retryable, null);
    }

    private static CreateOutcome of(VideoException e) {
        return CreateOutcomes.of(e, NONE_DECLARED);
    }

    @Test
    void statusRanges_5xxAnd2xxAreUnknown_everythingElseIsNotAccepted() {
        for (int s : new int[] {500, 502, 503, 504, 520, 524, 599, 200, 201, 299}) {
            assertThat(of(status(s))).as("HTTP %d", s).isEqualTo(CreateOutcome.UNKNOWN);
        }
        for (int s : new int[] {199, 300, 302, 399, 400, 404, 408, 409, 499}) {
            assertThat(of(status(s))).as("HTTP %d", s).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        }
    }

    @Test
    void cdnAnswersProvingTheOriginNeverGotTheRequest_areNotAccepted() {
        for (int s : new int[] {521, 522, 523, 525, 526}) {
            assertThat(of(status(s))).as("HTTP %d", s).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        }
    }

    @Test
    void typedRefusals_areNotAccepted_evenInAnHttp200OrA5xx() {
        for (int s : new int[] {200, 500}) {
            ErrorContext ctx = ErrorContext.of("acme", s, "refused", null);
            List<VideoException> refusals = List.of(
                    new RateLimitException("slow down", ctx, null, null),
                    new InvalidRequestException("bad prompt", "prompt", ctx, null),
                    new ContentPolicyException("policy", List.of("violence"), ctx, null),
                    new AuthenticationException("bad key", ctx, null),
                    new PermissionDeniedException("no access", ctx, null),
                    new QuotaExceededException("no credit", ctx, null),
                    new NotFoundException("no such model", ctx, null));
            for (VideoException e : refusals) {
                assertThat(of(e)).as("%s in HTTP %d", e.getClass().getSimpleName(), s).isEqualTo(CreateOutcome.NOT_ACCEPTED);
            }
        }
    }

    @Test
    void anUnreadableAnswer_isUnknown_unlessTheProviderDeclaresIt() {
        ProtocolException unreadable = new ProtocolException("acme: unreadable body", ErrorContext.of("acme", 200, null, null), null);

        assertThat(of(unreadable)).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(CreateOutcomes.of(unreadable, e -> e instanceof ProtocolException)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
    }

    @Test
    void aDeclaration_turnsA500IntoNotAccepted_butNeverAJobMayExist() {
        Predicate<VideoException> declared500 = e -> e.httpStatus().orElse(0) == 500;
        JobMayExistException mayExist = new JobMayExistException("lost", ErrorContext.of("acme", 500, null, null), null, null);

        assertThat(CreateOutcomes.of(status(500), declared500)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(CreateOutcomes.of(mayExist, declared500)).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(CreateOutcomes.of(mayExist, e -> true)).isEqualTo(CreateOutcome.UNKNOWN);
    }

    @Test
    void noAnswer_lostAfterSendingIsUnknown_raisedBeforeSendingIsNotAccepted() {
        assertThat(of(lost(false))).as("a lost answer, reported non-retryable").isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(of(lost(true))).as("a retryable unavailability before sending").isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(of(new VideoException("refused locally", "acme"))).isEqualTo(CreateOutcome.NOT_ACCEPTED);
    }

    @Test
    void ofTry_notSent_isNotAccepted_unlessAJobMayAlreadyExist() {
        JobMayExistException mayExist = new JobMayExistException("lost", ErrorContext.local("acme"), null, null);

        assertThat(CreateOutcomes.ofTry(lost(true), false, NONE_DECLARED)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(CreateOutcomes.ofTry(status(503), false, NONE_DECLARED)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(CreateOutcomes.ofTry(mayExist, false, NONE_DECLARED)).isEqualTo(CreateOutcome.UNKNOWN);
    }

    @Test
    void ofTry_sentWithNoAnswer_isUnknown_evenWhenRetryable_unlessDeclared() {
        assertThat(CreateOutcomes.ofTry(lost(true), true, NONE_DECLARED)).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(CreateOutcomes.ofTry(lost(true), true, e -> true)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
    }

    @Test
    void ofTry_sentWithAnAnswer_readsTheTable() {
        assertThat(CreateOutcomes.ofTry(status(429), true, NONE_DECLARED)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
        assertThat(CreateOutcomes.ofTry(status(502), true, NONE_DECLARED)).isEqualTo(CreateOutcome.UNKNOWN);
        assertThat(CreateOutcomes.ofTry(status(522), true, NONE_DECLARED)).isEqualTo(CreateOutcome.NOT_ACCEPTED);
    }

    @Test
    void mayExist_namesTheRequestIdAndKey_keepsContextAndCause() {
        VideoException cause = status(502);

        JobMayExistException e = CreateOutcomes.mayExist(cause, "idem-42");

        assertThat(e.getMessage()).startsWith("acme answered HTTP 502 — the create call was sent and its outcome is unknown")
                .contains("(request id req-7)").endsWith("(idempotency key idem-42)");
        assertThat(e.idempotencyKey()).hasValue("idem-42");
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.context()).isSameAs(cause.context());
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void mayExist_withoutRequestIdOrKey_saysNeither_andKeepsAKnownOne() {
        JobMayExistException e = CreateOutcomes.mayExist(lost(false), null);
        JobMayExistException known = new JobMayExistException("lost", ErrorContext.local("acme"), "k", null);

        assertThat(e.getMessage()).doesNotContain("request id").doesNotContain("idempotency key");
        assertThat(e.idempotencyKey()).isEmpty();
        assertThat(CreateOutcomes.mayExist(known, "other")).isSameAs(known);
    }
}
