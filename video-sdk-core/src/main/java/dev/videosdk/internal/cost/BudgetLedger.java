package dev.videosdk.internal.cost;

import dev.videosdk.Cost;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The client-level budget: the estimates of jobs reserved before their create call, replaced by
 * the provider's reported cost when a job finishes with one, released when a create was not
 * accepted. Amounts are kept in the budget's unit. Thread-safe.
 */
final class BudgetLedger {
    private final Cost budget;
    private BigDecimal used = BigDecimal.ZERO;

    BudgetLedger(Cost budget) {
        this.budget = budget;
    }

    /** What is left, in the budget's unit. */
    synchronized Cost remaining() {
        BigDecimal left = budget.amount().subtract(used);
        return new Cost(left.signum() < 0 ? BigDecimal.ZERO : left, budget.unit(), budget.usdPerUnit());
    }

    /**
     * Reserves {@code cost} if it fits in what is left; returns the amount reserved (in the
     * budget's unit), or empty when it does not fit or cannot be converted.
     */
    synchronized Optional<BigDecimal> reserve(Cost cost) {
        Optional<BigDecimal> amount = inBudgetUnit(cost);
        if (amount.isEmpty() || used.add(amount.get()).compareTo(budget.amount()) > 0) {
            return Optional.empty();
        }
        used = used.add(amount.get());
        return amount;
    }

    /** Gives back a reservation whose create was not accepted. */
    synchronized void release(BigDecimal reserved) {
        used = used.subtract(reserved);
    }

    /** Replaces a reservation by the cost the provider reported (kept when it cannot be converted). */
    synchronized void settle(BigDecimal reserved, Cost actual) {
        inBudgetUnit(actual).ifPresent(a -> used = used.subtract(reserved).add(a));
    }

    /** {@code cost} in the budget's unit: the same unit, or through both dollar rates. */
    Optional<BigDecimal> inBudgetUnit(Cost cost) {
        if (cost.unit().equals(budget.unit())) {
            return Optional.of(cost.amount());
        }
        if (budget.usdPerUnit() == null || budget.usdPerUnit().signum() == 0) {
            return Optional.empty();
        }
        return cost.toUsd().map(usd -> usd.divide(budget.usdPerUnit(), 6, java.math.RoundingMode.HALF_UP));
    }
}
