package dev.videosdk.kling.internal;

import dev.videosdk.ConfigurationException;
import dev.videosdk.spi.Credential;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kling's keys: pairs of access and secret keys (each a minted JWT), static API keys, or
 * credentials given in code. The pool is built on first use because a JWT needs the client's
 * clock, which a provider only receives with its {@link dev.videosdk.spi.ProviderContext}.
 * Never reveals a key in {@link #toString()}.
 */
final class KlingAuth {
    static final String ACCESS_KEY = "KLING_ACCESS_KEY";
    static final String SECRET_KEY = "KLING_SECRET_KEY";
    static final String API_KEY = "KLING_API_KEY";

    private final String description;
    private final List<String> accessKeys;
    private final List<String> secretKeys;
    private final List<Credential> fixed;
    private final Map<String, KlingJwtSigner> signers = new ConcurrentHashMap<>();
    private volatile CredentialPool pool;

    private KlingAuth(String description, List<String> accessKeys, List<String> secretKeys, List<Credential> fixed) {
        this.description = description;
        this.accessKeys = List.copyOf(accessKeys);
        this.secretKeys = List.copyOf(secretKeys);
        this.fixed = List.copyOf(fixed);
    }

    /**
     * Keys from the configuration: {@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY} (comma lists
     * paired by position), else {@code KLING_API_KEY} (a comma list of static keys).
     *
     * @throws ConfigurationException naming the variables to set
     */
    static KlingAuth fromConfig(ProviderConfig config) {
        List<String> access = config.list(ACCESS_KEY);
        List<String> secret = config.list(SECRET_KEY);
        List<String> apiKeys = config.list(API_KEY);
        if (!access.isEmpty() || !secret.isEmpty()) {
            if (access.size() != secret.size()) {
                throw new ConfigurationException("kling is misconfigured: " + ACCESS_KEY + " has " + access.size()
                        + " key(s) and " + SECRET_KEY + " has " + secret.size()
                        + "; give both as comma-separated lists of the same length, paired by position", KlingProvider.ID);
            }
            return jwt(access, secret);
        }
        if (!apiKeys.isEmpty()) {
            return of(CredentialPool.labelled(KlingProvider.ID, apiKeys, Credential::bearer));
        }
        throw new ConfigurationException("kling is not configured: set " + ACCESS_KEY + " and " + SECRET_KEY
                + " (comma-separated lists paired by position for a key pool), or " + API_KEY, KlingProvider.ID);
    }

    /** Access/secret key pairs, each signing its own JWT; labelled {@code kling#1}, {@code #2}, ... */
    static KlingAuth jwt(List<String> accessKeys, List<String> secretKeys) {
        return new KlingAuth(accessKeys.size() + " access/secret key pair(s)", accessKeys, secretKeys, List.of());
    }

    /** Credentials built elsewhere (static API keys, or a custom auth supplier). */
    static KlingAuth of(List<Credential> credentials) {
        return new KlingAuth(credentials.size() + " credential(s)", List.of(), List.of(), credentials);
    }

    private List<Credential> credentials(Clock clock) {
        if (!fixed.isEmpty()) {
            return fixed;
        }
        List<Credential> out = new ArrayList<>();
        for (int i = 0; i < accessKeys.size(); i++) {
            String label = KlingProvider.ID + "#" + (i + 1);
            KlingJwtSigner signer = new KlingJwtSigner(accessKeys.get(i), secretKeys.get(i), clock);
            signers.put(label, signer);
            out.add(Credential.computed(label, signer::headers));
        }
        return out;
    }

    /** The key pool, built on first use with {@code clock}. */
    CredentialPool pool(Clock clock) {
        CredentialPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = CredentialPool.of(KlingProvider.ID, credentials(clock));
                    pool = p;
                }
            }
        }
        return p;
    }

    /**
     * Kling rejected the token of key {@code label} as expired or not yet valid: drops the cached
     * token. Returns true when a freshly minted one may succeed.
     */
    boolean tokenRejected(String label) {
        KlingJwtSigner signer = label == null ? null : signers.get(label);
        return signer != null && signer.discard();
    }

    @Override
    public String toString() {
        return "KlingAuth[" + description + ", secrets redacted]";
    }
}
