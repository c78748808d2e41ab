package dev.videosdk.kling;

import dev.videosdk.kling.internal.KlingJwtSigner;
import dev.videosdk.kling.internal.KlingProvider;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.VideoProvider;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Builds the Kling provider in code, with your own credentials, for when environment variables
 * ({@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY}, or {@code KLING_API_KEY}) do not fit.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .provider(Kling.provider(URI.create(Kling.DEFAULT_BASE_URL),
 *                 List.of(Kling.jwt("kling#1", accessKey, secretKey, Clock.systemUTC()))))
 *         .build();
 * }</pre>
 */
public final class Kling {
    /** The provider id. */
    public static final String ID = KlingProvider.ID;
    /** The default API host (servers outside mainland China); {@code https://api-beijing.klingai.com} serves China. */
    public static final String DEFAULT_BASE_URL = KlingProvider.DEFAULT_BASE_URL;

    private Kling() {
    }

    /** A provider calling {@code baseUri} with {@code credentials}, used in turn as a key pool. */
    public static VideoProvider provider(URI baseUri, List<Credential> credentials) {
        return KlingProvider.withCredentials(baseUri, credentials);
    }

    /**
     * An access/secret key pair as a credential: an HS256 JWT minted with {@code clock}, cached and
     * re-minted 5 minutes before its 30-minute life ends. {@code label} is the non-secret name
     * stored in job tokens, e.g. {@code kling#1}.
     */
    public static Credential jwt(String label, String accessKey, String secretKey, Clock clock) {
        KlingJwtSigner signer = new KlingJwtSigner(accessKey, secretKey, clock);
        return Credential.computed(label, signer::headers);
    }

    /** A static API key sent as {@code Authorization: Bearer <key>} (Kling's newer single-key scheme). */
    public static Credential apiKey(String label, String key) {
        return Credential.bearer(label, key);
    }
}
