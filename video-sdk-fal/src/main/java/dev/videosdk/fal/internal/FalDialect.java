package dev.videosdk.fal.internal;

import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import java.util.Map;

/** What differs between the two providers on the same queue: models, checks and the input JSON. */
interface FalDialect {
    /** What the provider accepts. */
    ProviderCapabilities capabilities();

    /** Checks a request before any call (after the core's capability checks). */
    void validate(VideoRequest request);

    /** The fal model id the request goes to. */
    String model(VideoRequest request);

    /** The model's input JSON, without extras (the caller adds them). */
    Map<String, Object> input(VideoRequest request, String model);
}
