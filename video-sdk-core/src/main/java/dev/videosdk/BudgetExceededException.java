package dev.videosdk;

import java.util.Objects;

/**
 * A request was refused before any network call because its estimated cost is above a limit: the
 * per-call maximum ({@link VideoRequest.Builder#maxCost(Cost)} or
 * {@link VideoClient.Builder#maxCostPerCall(Cost)}) or what is left of the client's budget
 * ({@link VideoClient.Builder#budget(Cost)}). Also raised when a limit applies and the price is
 * unknown, unless {@link VideoClient.Builder#allowUnknownCost(boolean)} allows it. Not retryable.
 */
public class BudgetExceededException extends VideoException {
    private static final long serialVersionUID = 1L;

    /** Which limit refused the request. */
    public enum Limit {
        /** The per-call maximum. */
        PER_CALL,
        /** What is left of the client-level budget. */
        CLIENT_BUDGET
    }

    private final transient CostEstimate estimate;
    private final transient Cost limit;
    private final Limit kind;

    /** Creates the error; the message names the estimate and the limit. */
    public BudgetExceededException(String message, CostEstimate estimate, Cost limit, Limit kind) {
        super(message, ErrorContext.local(estimate.provider()), false, null);
        this.estimate = estimate;
        this.limit = Objects.requireNonNull(limit, "limit");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The estimate that was refused ({@link CostEstimate#isKnown()} false when the price is unknown). */
    public CostEstimate estimate() {
        return estimate;
    }

    /** The limit: the per-call maximum, or what was left of the client budget. */
    public Cost limit() {
        return limit;
    }

    /** Which limit refused the request. */
    public Limit kind() {
        return kind;
    }
}
