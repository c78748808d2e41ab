package dev.videosdk.internal.cost;

import dev.videosdk.Cost;
import dev.videosdk.PriceTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the client builder collected about costs.
 *
 * @param prices           the price table
 * @param maxCostPerCall   the per-call limit for requests that set none, or null
 * @param budget           the client-level limit on the sum of estimates of accepted jobs, or null
 * @param allowUnknownCost when true, a request whose price is unknown passes the limits
 * @param modelFallback    per provider, models to try in order when a create is not accepted
 */
public record CostSettings(PriceTable prices, Cost maxCostPerCall, Cost budget, boolean allowUnknownCost,
                           Map<String, List<String>> modelFallback) {

    /** Validates and copies. */
    public CostSettings {
        Objects.requireNonNull(prices, "prices");
        modelFallback = Map.copyOf(modelFallback);
    }

    /** The shipped prices, no limits, no fallback models. */
    public static CostSettings defaults() {
        return new CostSettings(PriceTable.defaults(), null, null, false, Map.of());
    }
}
