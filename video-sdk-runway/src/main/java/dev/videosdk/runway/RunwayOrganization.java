package dev.videosdk.runway;

import java.util.Map;
import java.util.Objects;

/**
 * What {@code GET /v1/organization} reports about the organization of the API key: its credit
 * balance, its tier's limits per model, and generations per model in the past day. Limits are per
 * organization, not per key. Source: Runway's SDK ({@code sdk-node src/resources/organization.ts}).
 *
 * @param creditBalance         credits left (1 credit = US$0.01)
 * @param maxMonthlyCreditSpend most credits the tier may buy in a month, or null when not reported
 * @param limits                per model id: the tier's concurrency and daily generation limits
 * @param dailyGenerations      per model id: generations in the past (rolling) day
 */
public record RunwayOrganization(double creditBalance, Long maxMonthlyCreditSpend, Map<String, ModelLimits> limits,
                                 Map<String, Integer> dailyGenerations) {

    /** Copies the maps. */
    public RunwayOrganization {
        limits = Map.copyOf(Objects.requireNonNull(limits, "limits"));
        dailyGenerations = Map.copyOf(Objects.requireNonNull(dailyGenerations, "dailyGenerations"));
    }

    /**
     * A tier's limits for one model.
     *
     * @param maxConcurrentGenerations tasks that run at once; more wait as {@code THROTTLED}
     * @param maxDailyGenerations      tasks per rolling day; more are refused with HTTP 429
     */
    public record ModelLimits(int maxConcurrentGenerations, int maxDailyGenerations) {
    }
}
