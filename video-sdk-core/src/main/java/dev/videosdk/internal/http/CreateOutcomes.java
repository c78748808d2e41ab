package dev.videosdk.internal.http;

import dev.videosdk.CreateOutcome;
import dev.videosdk.JobMayExistException;
import dev.videosdk.AuthenticationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.NotFoundException;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.ProtocolException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that decides what a failed create call means (LIFECYCLE.md §2): whether a job may
 * exist, which decides retries and fallback.
 */
public final class CreateOutcomes {
    /** CDN answers that prove the origin never got the request (Cloudflare 521, 522, 523, 525, 526). */
    private static final Set<Integer> ORIGIN_NEVER_REACHED = Set.of(521, 522, 523, 525, 526);

    private CreateOutcomes() {
    }

    /**
     * The outcome of one try of a create call on the wire.
     *
     * @param error               the mapped error of the answer, or of the network failure
     * @param sent                false when the failure happened before the request left (connect refused, DNS, TLS)
     * @param declaredNotAccepted the provider's documented "not accepted" answers beyond the table
     */
    public static CreateOutcome ofTry(VideoException error, boolean sent, Predicate<VideoException> declaredNotAccepted) {
        if (!sent && !(error instanceof JobMayExistException)) {
            return CreateOutcome.NOT_ACCEPTED;
        }
        if (error.httpStatus().isEmpty() && !declaredNotAccepted.test(error) && !(error instanceof JobMayExistException)) {
            return CreateOutcome.UNKNOWN; // sent, and the answer was lost (timeout, reset, stalled body)
        }
        return of(error, declaredNotAccepted);
    }

    /**
     * The outcome of a failed {@code submit}/{@code stream} of a provider: the transport has already
     * turned every unknown outcome on the wire into a {@link JobMayExistException}; the rest is read
     * from the error (for providers that do not use the transport).
     */
    public static CreateOutcome of(VideoException error, Predicate<VideoException> declaredNotAccepted) {
        if (error instanceof JobMayExistException) {
            return CreateOutcome.UNKNOWN;
        }
        if (declaredNotAccepted.test(error)) {
            return CreateOutcome.NOT_ACCEPTED;
        }
        if (error instanceof ProtocolException) {
            return CreateOutcome.UNKNOWN; // an answer the provider module could not read: a job may exist
        }
        if (refusal(error)) {
            return CreateOutcome.NOT_ACCEPTED; // a definite refusal, also when sent as a code in an HTTP 200 body
        }
        if (error.httpStatus().isEmpty()) {
            // no answer: a lost one (reported as a non-retryable unavailability), or one raised before sending
            return error instanceof ProviderUnavailableException && !error.isRetryable()
                    ? CreateOutcome.UNKNOWN : CreateOutcome.NOT_ACCEPTED;
        }
        int status = error.httpStatus().getAsInt();
        if (status == 408 || ORIGIN_NEVER_REACHED.contains(status)) {
            return CreateOutcome.NOT_ACCEPTED;
        }
        return status >= 500 || status / 100 == 2 ? CreateOutcome.UNKNOWN : CreateOutcome.NOT_ACCEPTED;
    }

    /** Errors that are a provider's definite "no": rate limit, invalid input, policy, credentials, quota, not found. */
    private static boolean refusal(VideoException error) {
        return error instanceof RateLimitException || error instanceof InvalidRequestException
                || error instanceof ContentPolicyException || error instanceof AuthenticationException
                || error instanceof PermissionDeniedException || error instanceof QuotaExceededException
                || error instanceof NotFoundException;
    }

    /** The error a create call ends with when its outcome is unknown: says a job may exist, keeps the cause. */
    public static JobMayExistException mayExist(VideoException cause, String idempotencyKey) {
        if (cause instanceof JobMayExistException known) {
            return known;
        }
        StringBuilder sb = new StringBuilder(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        sb.append(" — the create call was sent and its outcome is unknown, so a job may exist and be billed; the SDK did "
                + "not repeat it or send it to another provider");
        if (cause.requestId().isPresent()) {
            sb.append(" (request id ").append(cause.requestId().get()).append(')');
        }
        if (idempotencyKey != null) {
            sb.append(" (idempotency key ").append(idempotencyKey).append(')');
        }
        return new JobMayExistException(sb.toString(), cause.context(), idempotencyKey, cause);
    }
}
