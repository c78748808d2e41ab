package dev.videosdk;

import java.util.Objects;
import java.util.Optional;

/**
 * What a request is expected to cost before it is sent, from the client's price table
 * ({@link PriceTable}). An unknown price is said so ({@link #isKnown()} false), never given as zero.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param provider provider id
 * @param model    the model the estimate is for (the one the client chose, when the request left it open)
 * @param cost     the expected cost, or null when the price is unknown
 * @param basis    how the figure was reached, e.g. {@code "8 s × 0.4 USD/s (veo-3.1-generate-preview, 720p, audio);
 *                 source …, read 2026-11-30"}, or why it is unknown
 * @param choice   why this model was chosen when the request left the model open, else null
 */
public record CostEstimate(String provider, String model, Cost cost, String basis, String choice) {

    /** Validates. */
    public CostEstimate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(basis, "basis");
    }

    /** An estimate whose price is unknown, with the reason. */
    public static CostEstimate unknown(String provider, String model, String why) {
        return new CostEstimate(provider, model, null, why, null);
    }

    /** True when the price is known. */
    public boolean isKnown() {
        return cost != null;
    }

    /** The expected cost, empty when unknown. */
    public Optional<Cost> costIfKnown() {
        return Optional.ofNullable(cost);
    }

    /** This estimate with the reason its model was chosen. */
    public CostEstimate withChoice(String reason) {
        return new CostEstimate(provider, model, cost, basis, reason);
    }

    @Override
    public String toString() {
        return provider + "/" + model + ": " + (cost == null ? "unknown" : cost.toString()) + " (" + basis + ")";
    }
}
