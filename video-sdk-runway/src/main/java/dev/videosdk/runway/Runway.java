package dev.videosdk.runway;

import dev.videosdk.JobStatus;
import dev.videosdk.VideoJob;
import dev.videosdk.runway.internal.RunwayOrganizations;
import dev.videosdk.runway.internal.RunwayProvider;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.VideoProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Runway's developer API in code: the provider built with your own keys, the credits a job reports,
 * and the organization's balance and limits. From the environment, the provider reads
 * {@code RUNWAY_API_KEY} (or {@code RUNWAYML_API_SECRET}; comma-separated = key pool),
 * {@code RUNWAY_BASE_URL} (or {@code RUNWAYML_BASE_URL}) and {@code RUNWAY_API_VERSION}.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder().provider(Runway.provider(List.of(key))).build();
 * VideoJob job = client.submit(VideoRequest.text("A koi pond at dawn").durationSeconds(5).build()).join();
 * Runway.estimatedCredits(job);                  // most credits the task may charge
 * Runway.credits(client.status(job).join());     // the charge once finished (0 when refunded)
 * }</pre>
 */
public final class Runway {
    /** The provider id. */
    public static final String ID = RunwayProvider.ID;
    /** The API host ({@code https://api.dev.runwayml.com}, not {@code api.runwayml.com}). */
    public static final String DEFAULT_BASE_URL = RunwayProvider.DEFAULT_BASE_URL;
    /** The {@code X-Runway-Version} sent on every call unless {@code RUNWAY_API_VERSION} says otherwise. */
    public static final String API_VERSION = RunwayProvider.DEFAULT_API_VERSION;

    private Runway() {
    }

    /** A provider on the default host with these keys (used in turn; labelled {@code runway#1}, ...). */
    public static VideoProvider provider(List<String> apiKeys) {
        return provider(URI.create(DEFAULT_BASE_URL), apiKeys);
    }

    /** A provider on {@code baseUri} with these keys. */
    public static VideoProvider provider(URI baseUri, List<String> apiKeys) {
        return new RunwayProvider(baseUri, CredentialPool.bearer(ID, apiKeys), API_VERSION);
    }

    /**
     * The most credits the job's task may charge, from the create answer's {@code estimatedCost.credits};
     * empty for jobs of other providers or answers without it (before 2026). Kept as the job attribute
     * {@code estimatedCredits} until core carries a cost value.
     */
    public static OptionalDouble estimatedCredits(VideoJob job) {
        return job.provider().equals(ID)
                ? ProviderData.attribute(job, RunwayProvider.ESTIMATED_CREDITS).map(v -> OptionalDouble.of(Double.parseDouble(v)))
                        .orElse(OptionalDouble.empty())
                : OptionalDouble.empty();
    }

    /**
     * The credits a finished task charged ({@code cost.credits}: 0 when Runway refunded it), read from a
     * status of a Runway job; empty while the task runs or when Runway did not report it.
     */
    public static OptionalDouble credits(JobStatus status) {
        return status.isTerminal() ? RunwayOrganizations.cost(ProviderData.rawJson(status)) : OptionalDouble.empty();
    }

    /**
     * Reads {@code GET /v1/organization}: credit balance, tier limits and daily usage. Sent once, with
     * a 60-second timeout, on {@code http} (which stays yours); the key goes only to {@code baseUri}.
     * Fails with the typed {@link dev.videosdk.VideoException} for Runway's answer (e.g.
     * {@link dev.videosdk.AuthenticationException} for a wrong key) or
     * {@link dev.videosdk.ProviderUnavailableException} when the host cannot be reached.
     */
    public static CompletableFuture<RunwayOrganization> organization(HttpClient http, URI baseUri, String apiKey) {
        return RunwayOrganizations.fetch(http, baseUri, apiKey, API_VERSION);
    }
}
