package dev.videosdk.jobs.internal;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;

/**
 * The checks made before a request becomes a row: the provider must be one the client has, and the
 * request must fit the provider's published capabilities (model, duration, ratio, resolution, prompt
 * length, images). The client checks everything again when a worker submits. Not API.
 */
public final class RequestChecks {
    private RequestChecks() {
    }

    /** The provider the request goes to; throws {@link InvalidRequestException} when it cannot be served. */
    public static String check(VideoClient client, VideoRequest r) {
        String provider = r.provider() != null ? r.provider() : client.defaultProvider();
        if (provider == null || !client.providers().contains(provider)) {
            throw InvalidRequestException.local("sdk", "provider", "unknown provider \"" + provider
                    + "\"; this client has " + client.providers());
        }
        ProviderCapabilities caps = client.capabilities(provider);
        if (r.model() != null && !caps.openModels() && !caps.models().isEmpty() && !caps.models().contains(r.model())) {
            throw InvalidRequestException.notAllowed(provider, "model", r.model(), caps.models());
        }
        if (r.duration() != null && !caps.durationsSeconds().isEmpty()) {
            long seconds = r.duration().toSeconds();
            if (r.duration().toMillis() % 1000 != 0 || !caps.durationsSeconds().contains((int) seconds)) {
                throw InvalidRequestException.notAllowed(provider, "duration", r.duration().toMillis() / 1000.0 + " s",
                        caps.durationsSeconds() + " s");
            }
        }
        if (r.aspectRatio() != null && !caps.aspectRatios().isEmpty() && !caps.aspectRatios().contains(r.aspectRatio())) {
            throw InvalidRequestException.notAllowed(provider, "aspectRatio", r.aspectRatio(), caps.aspectRatios());
        }
        if (r.resolution() != null && !caps.resolutions().isEmpty() && !caps.resolutions().contains(r.resolution())) {
            throw InvalidRequestException.notAllowed(provider, "resolution", r.resolution(), caps.resolutions());
        }
        if (caps.maxPromptLength() > 0 && r.prompt().length() > caps.maxPromptLength()) {
            throw InvalidRequestException.local(provider, "prompt", provider + " takes prompts of at most "
                    + caps.maxPromptLength() + " characters, but this one has " + r.prompt().length());
        }
        if (r.images().size() > caps.maxImages()) {
            throw InvalidRequestException.notAllowed(provider, "images", r.images().size() + " images",
                    "at most " + caps.maxImages());
        }
        return provider;
    }
}
