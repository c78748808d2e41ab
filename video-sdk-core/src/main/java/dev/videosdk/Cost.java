package dev.videosdk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of money or of a provider's own billing unit: US dollars, or credits, units or tokens
 * with the rate to dollars where it is known.
 *
 * <pre>{@code
 * Cost.usd("3.20");                                     // 3.20 USD
 * Cost.of(new BigDecimal("25"), "runway-credits");       // 25 runway-credits, rate unknown
 * Cost.of(new BigDecimal("25"), "runway-credits", new BigDecimal("0.01"));   // ≈ 0.25 USD
 * }</pre>
 *
 * <p>Units are plain names: {@value #USD} for dollars, otherwise {@code <provider>-credits},
 * {@code <provider>-units} or {@code tokens}. Two costs in different units compare only through
 * their dollar rates.
 *
 * @param amount     the amount, zero or more
 * @param unit       {@value #USD} or a provider's unit name; never blank
 * @param usdPerUnit dollars per one unit, or null when unknown ({@code 1} for {@value #USD})
 */
public record Cost(BigDecimal amount, String unit, BigDecimal usdPerUnit) implements Comparable<Cost> {
    /** The unit name for US dollars. */
    public static final String USD = "USD";

    /** Validates; a dollar amount always has the rate 1. */
    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be zero or more, but was " + amount.toPlainString());
        }
        if (unit.isBlank()) {
            throw new IllegalArgumentException("unit must not be blank, but was \"" + unit + "\"");
        }
        if (USD.equals(unit)) {
            usdPerUnit = BigDecimal.ONE;
        }
        if (usdPerUnit != null && usdPerUnit.signum() < 0) {
            throw new IllegalArgumentException("usdPerUnit must be zero or more, but was " + usdPerUnit.toPlainString());
        }
    }

    /** An amount of US dollars, e.g. {@code usd("3.20")}. */
    public static Cost usd(String amount) {
        return new Cost(new BigDecimal(amount), USD, BigDecimal.ONE);
    }

    /** An amount of US dollars. */
    public static Cost usd(BigDecimal amount) {
        return new Cost(amount, USD, BigDecimal.ONE);
    }

    /** An amount in a provider's unit whose dollar rate is not known. */
    public static Cost of(BigDecimal amount, String unit) {
        return new Cost(amount, unit, null);
    }

    /** An amount in a provider's unit with its dollar rate. */
    public static Cost of(BigDecimal amount, String unit, BigDecimal usdPerUnit) {
        return new Cost(amount, unit, usdPerUnit);
    }

    /** True for a dollar amount. */
    public boolean isUsd() {
        return USD.equals(unit);
    }

    /** The amount in dollars, if the rate is known (rounded to 6 decimals). */
    public Optional<BigDecimal> toUsd() {
        if (usdPerUnit == null) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(usdPerUnit).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** This cost with a dollar rate (kept when it already has one). */
    public Cost withUsdRate(BigDecimal rate) {
        return usdPerUnit != null || rate == null ? this : new Cost(amount, unit, rate);
    }

    /**
     * Compares this cost to {@code other}: directly when both have the same unit, else through
     * their dollar amounts; empty when they cannot be compared (a rate is unknown).
     */
    public Optional<Integer> compare(Cost other) {
        Objects.requireNonNull(other, "other");
        if (unit.equals(other.unit)) {
            return Optional.of(amount.compareTo(other.amount));
        }
        Optional<BigDecimal> mine = toUsd();
        Optional<BigDecimal> theirs = other.toUsd();
        if (mine.isEmpty() || theirs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mine.get().compareTo(theirs.get()));
    }

    /**
     * Orders costs as {@link #compare(Cost)} does.
     *
     * @throws IllegalArgumentException when the two cannot be compared (different units, a rate unknown)
     */
    @Override
    public int compareTo(Cost other) {
        return compare(other).orElseThrow(() -> new IllegalArgumentException(
                "costs in " + unit + " and " + other.unit + " cannot be compared without a dollar rate for both"));
    }

    /**
     * The sum of this cost and {@code other}, in this cost's unit when they share it, else in dollars;
     * empty when a needed rate is unknown.
     */
    public Optional<Cost> plus(Cost other) {
        if (unit.equals(other.unit)) {
            BigDecimal rate = usdPerUnit != null ? usdPerUnit : other.usdPerUnit;
            return Optional.of(new Cost(amount.add(other.amount), unit, rate));
        }
        return toUsd().flatMap(a -> other.toUsd().map(b -> usd(a.add(b))));
    }

    /** E.g. {@code "3.2 USD"} or {@code "25 runway-credits (≈0.25 USD)"}. */
    @Override
    public String toString() {
        String text = amount.stripTrailingZeros().toPlainString() + " " + unit;
        if (!isUsd() && usdPerUnit != null) {
            text += " (≈" + toUsd().orElseThrow().toPlainString() + " USD)";
        }
        return text;
    }
}
