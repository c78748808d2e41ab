package dev.videosdk.internal.cost;

import dev.videosdk.Cost;
import dev.videosdk.CostEstimate;
import dev.videosdk.Price;
import dev.videosdk.PriceTable;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ModelCapabilities;
import dev.videosdk.spi.ProviderCapabilities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prices a request from a {@link PriceTable}. The row used is the first, most specific one that
 * fits the provider, model, resolution and audio setting. When the request leaves resolution or
 * audio open (and the model declares no default), the dearest fitting row is used, so the estimate
 * is an upper bound; a per-second price with no duration uses the longest allowed duration.
 */
public final class Estimator {
    /** Extras that switch a model's audio on or off, by provider convention. */
    static final List<String> AUDIO_EXTRAS = List.of("generateAudio", "generate_audio", "sound", "audio");

    private final PriceTable table;

    /** An estimator reading {@code table}. */
    public Estimator(PriceTable table) {
        this.table = table;
    }

    /** The table read. */
    public PriceTable table() {
        return table;
    }

    /** The estimate for {@code request} sent to {@code provider} with {@code model} (null: the default model). */
    public CostEstimate estimate(String provider, ProviderCapabilities caps, VideoRequest request, String model) {
        String m = caps.modelOrDefault(model);
        Optional<ModelCapabilities> declared = caps.model(m);
        Resolution resolution = request.resolution() != null ? request.resolution()
                : declared.map(ModelCapabilities::defaultResolution).orElse(null);
        Boolean audio = audio(request).orElse(declared.map(ModelCapabilities::audioByDefault).orElse(null));
        List<Price> fitting = fitting(provider, m, resolution, audio);
        if (fitting.isEmpty()) {
            return CostEstimate.unknown(provider, m, "no price for " + provider + " model " + m + " in price table "
                    + table.version() + "; add one with VideoClient.builder().prices(...)");
        }
        Price row = fitting.get(0);
        String where = describe(row) + "; source " + row.source() + ", read " + row.readOn()
                + (row.note() == null ? "" : " (" + row.note() + ")");
        if (!row.isKnown()) {
            return CostEstimate.unknown(provider, m, "price unknown for " + where);
        }
        BigDecimal rate = table.usdRate(row.unit()).orElse(null);
        if (row.per() == Price.Per.VIDEO) {
            return new CostEstimate(provider, m, Cost.of(row.amount(), row.unit(), rate),
                    row.amount().stripTrailingZeros().toPlainString() + " " + row.unit() + " per video " + where, null);
        }
        Optional<BigDecimal> seconds = seconds(request, caps.forModel(m), declared);
        if (seconds.isEmpty()) {
            return CostEstimate.unknown(provider, m, "the request gives no duration and " + provider + " model " + m
                    + " declares no default or allowed durations; price per second: " + where);
        }
        String assumed = request.duration() == null ? " (no duration given: assumed " + seconds.get() + " s)" : "";
        BigDecimal amount = row.amount().multiply(seconds.get()).stripTrailingZeros();
        return new CostEstimate(provider, m, Cost.of(amount, row.unit(), rate), seconds.get().toPlainString() + " s × "
                + row.amount().stripTrailingZeros().toPlainString() + " " + row.unit() + "/s " + where + assumed, null);
    }

    /**
     * The rows that fit, best first: one row per key (provider, model, resolution, audio), the first
     * in table order (overrides come first); own-model rows before "*" rows, rows matching more of the
     * request's stated parameters first, then the dearest (an unknown price counts as dearest).
     */
    private List<Price> fitting(String provider, String model, Resolution resolution, Boolean audio) {
        java.util.Map<List<Object>, Price> byKey = new java.util.LinkedHashMap<>();
        for (Price p : table.prices()) {
            if (!p.provider().equals(provider) || !(p.model().equals(model) || p.anyModel())) {
                continue;
            }
            if (resolution != null && p.resolution() != null && p.resolution() != resolution) {
                continue;
            }
            if (audio != null && p.audio() != null && !p.audio().equals(audio)) {
                continue;
            }
            byKey.putIfAbsent(java.util.Arrays.asList(p.model(), p.resolution(), p.audio()), p);
        }
        List<Price> rows = new ArrayList<>(byKey.values());
        rows.sort(Comparator.comparing(Price::anyModel)
                .thenComparing((Price p) -> specificity(p, resolution, audio), Comparator.reverseOrder())
                .thenComparing(Estimator::dearestFirst));
        return rows;
    }

    private static int specificity(Price p, Resolution resolution, Boolean audio) {
        int n = 0;
        if (resolution != null && p.resolution() == resolution) n++;
        if (audio != null && p.audio() != null) n++;
        return n;
    }

    private static int dearestFirst(Price a, Price b) {
        if (a.amount() == null || b.amount() == null) {
            return a.amount() == null ? (b.amount() == null ? 0 : -1) : 1;
        }
        return b.amount().compareTo(a.amount());
    }

    /** The request's audio switch, from the provider extras that carry it, if set. */
    static Optional<Boolean> audio(VideoRequest request) {
        for (String name : AUDIO_EXTRAS) {
            Optional<String> value = request.extra(name);
            if (value.isPresent()) {
                String v = value.get().toLowerCase(Locale.ROOT);
                return Optional.of(v.equals("true") || v.equals("on") || v.equals("1") || v.equals("yes"));
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> seconds(VideoRequest request, ProviderCapabilities caps,
                                                Optional<ModelCapabilities> declared) {
        if (request.duration() != null) {
            return Optional.of(BigDecimal.valueOf(request.duration().toMillis()).divide(BigDecimal.valueOf(1000), 3,
                    RoundingMode.UNNECESSARY).stripTrailingZeros());
        }
        Optional<Integer> fallback = declared.map(ModelCapabilities::defaultDurationSeconds);
        if (fallback.isEmpty()) {
            fallback = caps.durationsSeconds().stream().max(Integer::compare);
        }
        return fallback.map(BigDecimal::valueOf);
    }

    private static String describe(Price p) {
        return "(" + p.provider() + ", " + p.model() + ", " + (p.resolution() == null ? "any resolution" : p.resolution().label())
                + ", " + (p.audio() == null ? "audio on or off" : p.audio() ? "with audio" : "without audio") + ")";
    }
}
