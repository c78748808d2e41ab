package dev.videosdk;

import dev.videosdk.internal.cost.PriceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices the client estimates costs from: rows of {@link Price} and dollar rates of providers'
 * units. The SDK ships a versioned table ({@link #defaults()}, the file
 * {@code dev/videosdk/internal/cost/prices.csv} in {@code video-sdk-core}, each row with its public
 * source and the day it was read); an application overrides or extends it in code or from a file:
 *
 * <pre>{@code
 * PriceTable mine = PriceTable.defaults().overriddenBy(PriceTable.load(Path.of("my-prices.csv")))
 *         .with(Price.usdPerSecond("openai", "google/veo-3.1-fast", "0.10", "our gateway contract"));
 * VideoClient.builder().prices(mine)...
 * }</pre>
 *
 * <p>File format (CSV, {@code #} starts a comment, one header line): {@code kind,provider,model,
 * resolution,audio,amount,unit,per,source,read_on,note}. {@code kind} is {@code price} or
 * {@code rate}; {@code model}, {@code resolution} and {@code audio} take {@code *} for "any";
 * {@code audio} is {@code on}/{@code off}/{@code *}; {@code amount} is a decimal or {@code unknown};
 * {@code per} is {@code second} or {@code video} (for a {@code rate} row: {@code amount} dollars per one
 * {@code unit}, the other columns {@code *}). Commas cannot appear inside a field. Immutable and thread-safe.
 *
 * @see VideoClient#estimate(VideoRequest)
 */
public final class PriceTable {
    private static final PriceTable EMPTY = new PriceTable("empty", List.of(), Map.of());

    private final String version;
    private final List<Price> prices;
    private final Map<String, BigDecimal> usdRates;

    /** A table of these rows and unit rates; {@code version} names it in estimates. */
    public PriceTable(String version, List<Price> prices, Map<String, BigDecimal> usdRates) {
        this.version = Objects.requireNonNull(version, "version");
        this.prices = List.copyOf(prices);
        this.usdRates = Map.copyOf(usdRates);
    }

    /** The table shipped with the SDK (its version is the file's {@code # version:} line). */
    public static PriceTable defaults() {
        return PriceFile.shipped();
    }

    /** A table with no prices: every estimate is unknown. */
    public static PriceTable empty() {
        return EMPTY;
    }

    /**
     * Reads a table in the file format above.
     *
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static PriceTable parse(String text) {
        return PriceFile.parse(text, "text");
    }

    /**
     * Reads a table file (UTF-8).
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException naming the line that cannot be read
     */
    public static PriceTable load(Path file) {
        try {
            return PriceFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("price table " + file + " cannot be read", e);
        }
    }

    /** This table's name and version, e.g. {@code "video-sdk 2026-11-30.1"}. */
    public String version() {
        return version;
    }

    /** Every row, in order: rows of an override come before the rows they override. */
    public List<Price> prices() {
        return prices;
    }

    /** Dollars per one {@code unit} (e.g. {@code runway-credits}), if known; 1 for {@value Cost#USD}. */
    public Optional<BigDecimal> usdRate(String unit) {
        return Cost.USD.equals(unit) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(usdRates.get(unit));
    }

    /** Every unit rate. */
    public Map<String, BigDecimal> usdRates() {
        return usdRates;
    }

    /**
     * This table with {@code other}'s rows and rates taking precedence: for a request both tables
     * price, {@code other}'s row is used (also when it says "unknown").
     */
    public PriceTable overriddenBy(PriceTable other) {
        List<Price> rows = new ArrayList<>(other.prices);
        rows.addAll(prices);
        Map<String, BigDecimal> rates = new LinkedHashMap<>(usdRates);
        rates.putAll(other.usdRates);
        return new PriceTable(version + " + " + other.version, rows, rates);
    }

    /** This table with one more row, taking precedence over the rows it overlaps. */
    public PriceTable with(Price price) {
        return overriddenBy(new PriceTable("code", List.of(price), Map.of()));
    }

    /** This table with a dollar rate for {@code unit}. */
    public PriceTable withUsdRate(String unit, BigDecimal usdPerUnit) {
        return overriddenBy(new PriceTable("code", List.of(), Map.of(unit, usdPerUnit)));
    }

    @Override
    public String toString() {
        return "PriceTable[" + version + ", " + prices.size() + " prices, " + usdRates.size() + " rates]";
    }
}
