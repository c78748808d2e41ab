package dev.videosdk.kling.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Mints the HS256 JWT Kling expects from an access key and a secret key: {@code iss} = access key,
 * {@code nbf} = now − 5 s, {@code exp} = now + 30 min, both in whole seconds. One token is cached
 * and re-minted once less than {@link #REFRESH_MARGIN} of its life is left. Thread-safe. Neither
 * key appears in {@link #toString()}.
 */
public final class KlingJwtSigner {
    /** Lifetime of a minted token (the official example's 1800 s). */
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Clock-skew allowance put in {@code nbf}. */
    public static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
    /** A cached token is replaced once it has less than this left. */
    public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    /** A rejected token younger than this is not worth re-minting (the clock is off, not the token). */
    static final Duration FRESH = Duration.ofMinutes(1);

    private final String accessKey;
    private final Algorithm algorithm;
    private final Clock clock;
    private String token;
    private Instant mintedAt;
    private Instant expiresAt;

    /** A signer for one key pair; {@code clock} decides the claims (a virtual one in tests). */
    public KlingJwtSigner(String accessKey, String secretKey, Clock clock) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.algorithm = Algorithm.HMAC256(Objects.requireNonNull(secretKey, "secretKey").getBytes(StandardCharsets.UTF_8));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current token, minted now if there is none or the cached one is close to expiry. */
    public synchronized String token() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (token == null || !now.isBefore(expiresAt.minus(REFRESH_MARGIN))) {
            expiresAt = now.plus(LIFETIME);
            mintedAt = now;
            token = JWT.create()
                    .withHeader(Map.of("typ", "JWT"))
                    .withIssuer(accessKey)
                    .withNotBefore(now.minus(NOT_BEFORE_SKEW))
                    .withExpiresAt(expiresAt)
                    .sign(algorithm);
        }
        return token;
    }

    /**
     * Drops the cached token after Kling rejected it. Returns true when a new token may help: the
     * dropped one was at least {@link #FRESH} old (a token minted moments ago that is already
     * "expired" means the host clock is wrong, and minting again would only repeat the failure).
     */
    public synchronized boolean discard() {
        boolean worthRetrying = token != null && !clock.instant().isBefore(mintedAt.plus(FRESH));
        token = null;
        return worthRetrying;
    }

    /** The {@code Authorization} header with the current token. */
    public Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + token());
    }

    @Override
    public String toString() {
        return "KlingJwtSigner[secret redacted]";
    }
}
