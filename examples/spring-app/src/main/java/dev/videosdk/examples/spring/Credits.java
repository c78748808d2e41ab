package dev.videosdk.examples.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Each user's credits, in memory: a generation costs {@code app.credits-per-generation}, refunded when it fails. */
@Component
public class Credits {
    /** Thrown when a user cannot pay for a generation. */
    public static final class NotEnoughCredits extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotEnoughCredits(int balance, int cost) {
            super("You have " + balance + " credits left; a video costs " + cost + ".");
        }
    }

    private final AppSettings settings;
    private final Map<String, Integer> balances = new ConcurrentHashMap<>();

    /** Starts every user at {@code app.initial-credits}. */
    public Credits(AppSettings settings) {
        this.settings = settings;
    }

    /** The user's balance. */
    public int balance(String userId) {
        return balances.getOrDefault(userId, settings.initialCredits());
    }

    /** Takes {@code cost} credits, or throws {@link NotEnoughCredits}. */
    public void charge(String userId, int cost) {
        balances.compute(userId, (u, b) -> {
            int balance = b == null ? settings.initialCredits() : b;
            if (balance < cost) {
                throw new NotEnoughCredits(balance, cost);
            }
            return balance - cost;
        });
    }

    /** Gives {@code cost} credits back. */
    public void refund(String userId, int cost) {
        balances.merge(userId, settings.initialCredits() + cost, (b, ignored) -> b + cost);
    }
}
