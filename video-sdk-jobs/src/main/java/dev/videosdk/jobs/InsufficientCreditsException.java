package dev.videosdk.jobs;

import dev.videosdk.ErrorContext;
import dev.videosdk.QuotaExceededException;

/** An enqueue refused because the owner's balance does not cover the price; nothing was stored or sent. */
public class InsufficientCreditsException extends QuotaExceededException {
    private static final long serialVersionUID = 1L;

    private final String owner;
    private final long balance;
    private final long price;

    /** Creates the error. */
    public InsufficientCreditsException(String owner, long balance, long price) {
        super("owner " + owner + " has " + balance + " credits, but the generation needs " + price,
                ErrorContext.local("sdk"), null);
        this.owner = owner;
        this.balance = balance;
        this.price = price;
    }

    /** The account. */
    public String owner() {
        return owner;
    }

    /** Its balance when refused. */
    public long balance() {
        return balance;
    }

    /** The credits the generation needed. */
    public long price() {
        return price;
    }
}
