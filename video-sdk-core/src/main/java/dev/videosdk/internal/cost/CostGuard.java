package dev.videosdk.internal.cost;

import dev.videosdk.AuthenticationException;
import dev.videosdk.BudgetExceededException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.Cost;
import dev.videosdk.CostEstimate;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.JobMayExistException;
import dev.videosdk.JobStatus;
import dev.videosdk.PermissionDeniedException;
import dev.videosdk.QuotaExceededException;
import dev.videosdk.RateLimitException;
import dev.videosdk.VideoEventListener;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.internal.Futures;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client does about cost, in one place the engine calls at three points:
 * <ol>
 *   <li>{@link #check} when it validates a request: picks the model when the request asks for a
 *       choice, estimates, and refuses a request above a limit ({@link BudgetExceededException})
 *       before any network call;</li>
 *   <li>{@link #submit} instead of {@code provider.submit}: sends the chosen model, reserves the
 *       estimate in the client budget, tries the provider's fallback models while a create is not
 *       accepted, and puts the estimate on the accepted job;</li>
 *   <li>{@link #actualCost} when it builds a result: the provider's reported cost with its dollar
 *       rate, settled against the budget.</li>
 * </ol>
 * Thread-safe.
 */
public final class CostGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CostGuard.class);

    private final CostSettings settings;
    private final Estimator estimator;
    private final ModelChooser chooser;
    private final BudgetLedger ledger;
    private final VideoEventListener listener;
    /** Budget reserved per accepted job (provider, id), until its result is built. */
    private final ConcurrentHashMap<String, BigDecimal> reserved = new ConcurrentHashMap<>();

    /** A guard with these settings, reporting each estimate to {@code listener}. */
    public CostGuard(CostSettings settings, VideoEventListener listener) {
        this.settings = settings;
        this.estimator = new Estimator(settings.prices());
        this.chooser = new ModelChooser(estimator);
        this.ledger = settings.budget() == null ? null : new BudgetLedger(settings.budget());
        this.listener = listener == null ? VideoEventListener.NONE : listener;
    }

    /** A guard with the shipped prices and no limits. */
    public static CostGuard defaults() {
        return new CostGuard(CostSettings.defaults(), VideoEventListener.NONE);
    }

    /**
     * The estimate for {@code request} on {@code provider}, choosing the model when the request
     * asks for a choice. No network call, no limit checked.
     *
     * @throws InvalidRequestException when a choice is asked for and no model fits
     */
    public CostEstimate estimate(VideoProvider provider, VideoRequest request) {
        ProviderCapabilities caps = provider.capabilities();
        return request.asksForModelChoice() ? chooser.choose(provider.id(), caps, request, m -> accepts(provider, request, m))
                : estimator.estimate(provider.id(), caps, request, request.model());
    }

    /** True when the provider's own rules accept {@code request} sent with {@code model}. */
    private static boolean accepts(VideoProvider provider, VideoRequest request, String model) {
        try {
            provider.validate(request.withModel(model));
            return true;
        } catch (VideoException e) {
            LOG.debug("{} model {} does not take the request: {}", provider.id(), model, e.getMessage());
            return false;
        }
    }

    /**
     * Validation-time check: the estimate (model chosen when asked), refused when above the
     * per-call limit or what is left of the client budget.
     *
     * @throws BudgetExceededException naming the estimate and the limit
     * @throws InvalidRequestException when a choice is asked for and no model fits
     */
    public CostEstimate check(VideoProvider provider, VideoRequest request) {
        CostEstimate estimate = estimate(provider, request);
        Cost perCall = request.maxCost() != null ? request.maxCost() : settings.maxCostPerCall();
        if (perCall != null) {
            refuseAbove(estimate, perCall, BudgetExceededException.Limit.PER_CALL, "the per-call limit");
        }
        if (ledger != null) {
            refuseAbove(estimate, ledger.remaining(), BudgetExceededException.Limit.CLIENT_BUDGET,
                    "what is left of the client budget of " + settings.budget() + ",");
        }
        return estimate;
    }

    private void refuseAbove(CostEstimate estimate, Cost limit, BudgetExceededException.Limit kind, String what) {
        if (!estimate.isKnown()) {
            if (!settings.allowUnknownCost()) {
                throw new BudgetExceededException("the cost of " + estimate.provider() + " model " + estimate.model()
                        + " is unknown (" + estimate.basis() + ") and " + what + " " + limit + " applies; add a price "
                        + "with VideoClient.builder().prices(...) or allow it with allowUnknownCost(true)", estimate, limit, kind);
            }
            return;
        }
        Optional<Integer> order = estimate.cost().compare(limit);
        if (order.isEmpty()) {
            if (!settings.allowUnknownCost()) {
                throw new BudgetExceededException("the estimate " + estimate.cost() + " for " + estimate.provider() + " model "
                        + estimate.model() + " cannot be compared with " + what + " " + limit + " (no dollar rate for "
                        + estimate.cost().unit() + "); add one with PriceTable.withUsdRate(...)", estimate, limit, kind);
            }
            return;
        }
        if (order.get() > 0) {
            throw new BudgetExceededException("the estimate " + estimate.cost() + " for " + estimate.provider() + " model "
                    + estimate.model() + " is above " + what + " " + limit + " (" + estimate.basis() + ")", estimate, limit, kind);
        }
    }

    /**
     * Applies the model choice for a provider whose result streams (no fallback models, no budget
     * reservation: the limits were checked by {@link #check}).
     */
    public VideoRequest prepare(VideoProvider provider, VideoRequest request) {
        if (!request.asksForModelChoice()) {
            return request;
        }
        CostEstimate chosen = estimate(provider, request);
        emit(chosen);
        return request.withModel(chosen.model());
    }

    /**
     * Sends the create call in place of {@code provider.submit(request, ctx)}: with the chosen model,
     * the estimate reserved in the client budget, and the provider's fallback models tried in turn
     * while a create is not accepted (quota, rate limit, a retryable outage); never after an answer
     * that means a job may exist. Completes with the job carrying its estimate.
     */
    public CompletableFuture<VideoJob> submit(VideoProvider provider, VideoRequest request, ProviderContext ctx) {
        CostEstimate first;
        try {
            first = check(provider, request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        VideoRequest chosen = request.asksForModelChoice() ? request.withModel(first.model()) : request;
        List<String> models = modelChain(provider.id(), provider.capabilities(), chosen, first.model());
        CompletableFuture<VideoJob> out = new CompletableFuture<>();
        attempt(provider, ctx, chosen, models, 0, first, out);
        return out;
    }

    private void attempt(VideoProvider provider, ProviderContext ctx, VideoRequest request, List<String> models, int i,
                         CostEstimate estimate, CompletableFuture<VideoJob> out) {
        if (out.isDone()) {
            return; // cancelled between two tries: send nothing more
        }
        VideoRequest toSend = i == 0 ? request : request.withModel(models.get(i));
        Optional<BigDecimal> reservation;
        try {
            reservation = reserve(estimate);
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
            return;
        }
        emit(estimate);
        CompletableFuture<VideoJob> sent;
        try {
            sent = provider.submit(toSend, ctx);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((job, failure) -> {
            try {
                settle(provider, ctx, request, models, i, estimate, reservation, job, failure, out);
            } catch (RuntimeException | Error e) {
                out.completeExceptionally(e); // a callback never loses the caller's future
            }
        });
    }

    private void settle(VideoProvider provider, ProviderContext ctx, VideoRequest request, List<String> models, int i,
                        CostEstimate estimate, Optional<BigDecimal> reservation, VideoJob job, Throwable failure,
                        CompletableFuture<VideoJob> out) {
        if (failure == null) {
            reservation.ifPresent(r -> reserved.put(key(job), r));
            // a provider's own estimate from its create answer (e.g. Runway's estimatedCost) wins over the table's
            out.complete(job.estimatedCost() != null ? job : job.withEstimatedCost(estimate.cost()));
            return;
        }
        Throwable cause = Futures.unwrap(failure);
        if (noJob(cause)) {
            reservation.ifPresent(r -> ledger.release(r));
        }
        int next = nextFitting(provider, request, models, i + 1, cause);
        if (next < 0) {
            out.completeExceptionally(cause);
            return;
        }
        LOG.warn("{} did not accept the job with model {} ({}); falling back to model {}", provider.id(),
                models.get(i), cause.getMessage(), models.get(next));
        CostEstimate nextEstimate;
        try {
            nextEstimate = check(provider, request.withModel(models.get(next)));
        } catch (RuntimeException e) {
            e.addSuppressed(cause);
            out.completeExceptionally(e);
            return;
        }
        attempt(provider, ctx, request, models, next, nextEstimate, out);
    }

    /** The index of the next fallback model worth trying after {@code cause}, or -1. */
    private static int nextFitting(VideoProvider provider, VideoRequest request, List<String> models, int from, Throwable cause) {
        if (!notAccepted(cause)) {
            return -1;
        }
        for (int k = from; k < models.size(); k++) {
            if (ModelChooser.fits(provider.capabilities().forModel(models.get(k)), request)
                    && accepts(provider, request, models.get(k))) {
                return k;
            }
            LOG.debug("{} fallback model {} does not fit the request; skipped", provider.id(), models.get(k));
        }
        return -1;
    }

    /** The model to send first, then the provider's fallback models after it (or all of them). */
    private List<String> modelChain(String provider, ProviderCapabilities caps, VideoRequest request, String estimated) {
        String first = request.model() != null ? request.model() : estimated != null ? estimated : caps.modelOrDefault(null);
        List<String> chain = new ArrayList<>();
        chain.add(first);
        List<String> fallback = settings.modelFallback().getOrDefault(provider, List.of());
        int at = fallback.indexOf(first);
        for (String m : fallback.subList(at < 0 ? 0 : at + 1, fallback.size())) {
            if (!chain.contains(m)) {
                chain.add(m);
            }
        }
        return chain;
    }

    private Optional<BigDecimal> reserve(CostEstimate estimate) {
        if (ledger == null || !estimate.isKnown()) {
            return Optional.empty();
        }
        Optional<BigDecimal> r = ledger.reserve(estimate.cost());
        if (r.isEmpty() && ledger.inBudgetUnit(estimate.cost()).isPresent()) {
            // another call took the rest of the budget since the validation-time check
            throw new BudgetExceededException("the estimate " + estimate.cost() + " for " + estimate.provider() + " model "
                    + estimate.model() + " is above what is left of the client budget of " + settings.budget() + ", "
                    + ledger.remaining(), estimate, ledger.remaining(), BudgetExceededException.Limit.CLIENT_BUDGET);
        }
        return r;
    }

    /**
     * The cost the provider reported in {@code status} with the dollar rate from the price table,
     * or null when it reported none; settles the job's budget reservation.
     */
    public Cost actualCost(VideoJob job, JobStatus status) {
        Cost reported = status.cost();
        BigDecimal r = reserved.remove(key(job));
        if (reported == null) {
            return null;
        }
        Cost actual = reported.withUsdRate(settings.prices().usdRate(reported.unit()).orElse(null));
        if (r != null) {
            ledger.settle(r, actual);
        }
        return actual;
    }

    private void emit(CostEstimate estimate) {
        try {
            listener.costEstimated(estimate);
        } catch (RuntimeException e) {
            LOG.warn("event listener threw on costEstimated; ignored", e);
        }
    }

    /** True for an error that proves no job was created. */
    static boolean noJob(Throwable t) {
        if (!(t instanceof VideoException v) || v instanceof JobMayExistException) {
            return false;
        }
        return v instanceof InvalidRequestException || v instanceof ContentPolicyException || v instanceof QuotaExceededException
                || v instanceof RateLimitException || v instanceof AuthenticationException
                || v instanceof PermissionDeniedException || v instanceof BudgetExceededException
                || v instanceof ConfigurationException || v.isRetryable();
    }

    /** True for a create the provider did not accept for a reason another model may not have (NOT_ACCEPTED). */
    static boolean notAccepted(Throwable t) {
        if (!(t instanceof VideoException v) || v instanceof JobMayExistException || v instanceof ContentPolicyException
                || v instanceof InvalidRequestException || v instanceof BudgetExceededException) {
            return false;
        }
        return v instanceof QuotaExceededException || v instanceof RateLimitException || v.isRetryable();
    }

    private static String key(VideoJob job) {
        return job.provider() + '\u0000' + job.id();
    }
}
