package dev.videosdk.internal.cost;

import dev.videosdk.AspectRatio;
import dev.videosdk.CostEstimate;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks a model for a request that leaves it open and asks for a quality tier and/or the cheapest
 * model. Candidates are the provider's models with declared {@link ModelCapabilities} (all its
 * models when it declares none) that fit the request (duration, aspect ratio, resolution) and,
 * with a tier, declare that tier, and that the provider's own rules accept
 * ({@link dev.videosdk.spi.VideoProvider#validate}). With "cheapest" they are ranked by their
 * estimate in dollars (known prices first; unknown prices last, in the provider's order); with a
 * tier only, the provider's first fitting model of that tier wins.
 */
public final class ModelChooser {
    private final Estimator estimator;

    /** A chooser pricing candidates with {@code estimator}. */
    public ModelChooser(Estimator estimator) {
        this.estimator = estimator;
    }

    /**
     * The estimate for the chosen model, carrying why it was chosen.
     *
     * @throws InvalidRequestException when no declared model fits
     */
    public CostEstimate choose(String provider, ProviderCapabilities caps, VideoRequest request,
                               java.util.function.Predicate<String> providerAccepts) {
        List<String> fit = new ArrayList<>();
        List<String> considered = new ArrayList<>();
        boolean declaresModels = !caps.modelCapabilities().isEmpty();
        for (String model : caps.models()) {
            Optional<ModelCapabilities> declared = caps.model(model);
            if (declaresModels && declared.isEmpty()) {
                continue; // its limits are unknown (e.g. a deprecated model listed for validation only)
            }
            if (request.quality() != null && declared.map(ModelCapabilities::tier).orElse(null) != request.quality()) {
                continue;
            }
            considered.add(model);
            if (fits(caps.forModel(model), request) && providerAccepts.test(model)) {
                fit.add(model);
            }
        }
        if (fit.isEmpty()) {
            String tier = request.quality() == null ? "" : " of quality " + request.quality();
            throw InvalidRequestException.local(provider, request.quality() != null ? "quality" : "model",
                    "no " + provider + " model" + tier + " fits the request (duration " + describe(request)
                            + "); models considered: " + considered);
        }
        List<CostEstimate> priced = fit.stream().map(m -> estimator.estimate(provider, caps, request, m)).toList();
        CostEstimate pick;
        if (request.cheapest()) {
            pick = priced.stream().min(Comparator.comparing((CostEstimate e) -> usd(e).isEmpty())
                    .thenComparing(e -> usd(e).orElse(BigDecimal.ZERO))).orElseThrow();
        } else {
            pick = priced.get(0);
        }
        String why = (request.cheapest() ? "cheapest" : "first declared") + " of " + fit
                + (request.quality() == null ? "" : " (quality " + request.quality() + ")") + " that fit the request";
        return pick.withChoice(why);
    }

    /** True when {@code caps} (already narrowed to one model) accepts the request's duration, ratio and resolution. */
    static boolean fits(ProviderCapabilities caps, VideoRequest r) {
        if (r.duration() != null && !caps.durationsSeconds().isEmpty()) {
            boolean whole = r.duration().toMillis() % 1000 == 0 && r.duration().toNanosPart() % 1_000_000 == 0;
            if (!whole || !caps.durationsSeconds().contains((int) r.duration().toSeconds())) {
                return false;
            }
        }
        AspectRatio ratio = r.aspectRatio();
        if (ratio != null && !caps.aspectRatios().isEmpty() && !caps.aspectRatios().contains(ratio)) {
            return false;
        }
        return r.resolution() == null || caps.resolutions().isEmpty() || caps.resolutions().contains(r.resolution());
    }

    private static Optional<BigDecimal> usd(CostEstimate e) {
        return e.costIfKnown().flatMap(c -> c.toUsd());
    }

    private static String describe(VideoRequest r) {
        return (r.duration() == null ? "default" : r.duration().toSeconds() + " s") + ", aspect ratio "
                + (r.aspectRatio() == null ? "default" : r.aspectRatio()) + ", resolution "
                + (r.resolution() == null ? "default" : r.resolution());
    }
}
