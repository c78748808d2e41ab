package dev.videosdk.spi;

import dev.videosdk.AuthenticationException;
import dev.videosdk.ConfigurationException;
import dev.videosdk.ErrorContext;
import dev.videosdk.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keys of one provider, used in turn. A key that got HTTP 429 cools down for the
 * {@code Retry-After} time (or {@link #DEFAULT_COOLDOWN}); a key that got HTTP 401 is set aside for
 * the life of the client. Status, download and cancel calls of a job use the key that created it
 * ({@link #byId(String)}). Thread-safe.
 */
public final class CredentialPool {
    /** Cool-down of a rate-limited key when the provider gave no {@code Retry-After}. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);

    private final String provider;
    private final List<Credential> credentials;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentHashMap<String, Instant> coolingUntil = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> setAside = new ConcurrentHashMap<>();

    private CredentialPool(String provider, List<Credential> credentials) {
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("credentials must not be empty, but was []");
        }
        this.provider = provider;
        this.credentials = List.copyOf(credentials);
    }

    /** A pool of the given credentials (at least one). */
    public static CredentialPool of(String provider, List<Credential> credentials) {
        return new CredentialPool(provider, credentials);
    }

    /** A pool of bearer keys, labelled {@code <provider>#1}, {@code #2}, ... */
    public static CredentialPool bearer(String provider, List<String> keys) {
        return of(provider, labelled(provider, keys, (id, key) -> Credential.bearer(id, key)));
    }

    /** Credentials made from keys by {@code factory}, labelled {@code <provider>#1}, {@code #2}, ... */
    public static List<Credential> labelled(String provider, List<String> keys,
                                            java.util.function.BiFunction<String, String, Credential> factory) {
        java.util.ArrayList<Credential> out = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(factory.apply(provider + "#" + (i + 1), keys.get(i)));
        }
        return out;
    }

    /** Number of keys. */
    public int size() {
        return credentials.size();
    }

    /**
     * The next usable key, in turn.
     *
     * @throws RateLimitException     when every usable key is cooling down (carries the shortest wait)
     * @throws AuthenticationException when every key was rejected
     */
    public Credential select(Instant now) {
        Instant soonest = null;
        int usable = 0;
        for (int i = 0; i < credentials.size(); i++) {
            Credential c = credentials.get(Math.floorMod(next.getAndIncrement(), credentials.size()));
            if (setAside.containsKey(c.id())) {
                continue;
            }
            usable++;
            Instant until = coolingUntil.get(c.id());
            if (until == null || !until.isAfter(now)) {
                return c;
            }
            soonest = soonest == null || until.isBefore(soonest) ? until : soonest;
        }
        if (usable == 0) {
            throw new AuthenticationException("every " + provider + " key (" + credentials.size()
                    + ") was rejected with HTTP 401; check the configured keys", ErrorContext.local(provider), null);
        }
        Duration wait = Duration.between(now, soonest);
        throw new RateLimitException("every " + provider + " key is rate limited; next one is free in "
                + wait.toMillis() + " ms", ErrorContext.local(provider), wait, null);
    }

    /**
     * The key with this label, for calls about a job it created; if the label is null, the next key.
     *
     * @throws ConfigurationException when the label names no configured key
     */
    public Credential forJob(String id, Instant now) {
        if (id == null) {
            return select(now);
        }
        return byId(id).orElseThrow(() -> new ConfigurationException("the job was created with key " + id
                + " which is not configured any more; status, download and cancel must use the key that created the job",
                provider));
    }

    /** The key with this label, if configured. */
    public Optional<Credential> byId(String id) {
        return credentials.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Marks a key rate-limited until {@code now + wait}. */
    public void coolDown(Credential credential, Duration wait, Instant now) {
        coolingUntil.put(credential.id(), now.plus(wait == null ? DEFAULT_COOLDOWN : wait));
    }

    /** Sets a key aside after the provider rejected it. */
    public void setAside(Credential credential) {
        setAside.put(credential.id(), Boolean.TRUE);
    }

    @Override
    public String toString() {
        return "CredentialPool[" + provider + ", " + credentials.size() + " keys]";
    }
}
