package dev.videosdk.fal;

import java.util.List;

/**
 * fal-specific request settings, passed with {@link dev.videosdk.VideoRequest.Builder#extra(String, Object)},
 * for both providers ({@code fal} and {@code pika}).
 *
 * <p>Extras whose name starts with {@code fal.} become fal's optional platform headers and are never
 * put in the body. Every other extra is sent as a field of the model's input JSON, so any model's own
 * fields (e.g. Kling's {@code cfg_scale} or Pika's {@code ingredients_mode}) work without an SDK
 * release; an extra may not repeat a field the SDK maps from the request ({@code prompt},
 * {@code duration}, …): that fails before any call with an {@link dev.videosdk.InvalidRequestException}.
 *
 * <pre>{@code
 * VideoRequest.text("A koi pond at dawn").model("fal-ai/kling-video/v2.1/master/text-to-video")
 *         .extra(FalExtras.PRIORITY, "low")
 *         .extra(FalExtras.OBJECT_EXPIRATION_SECONDS, 86_400)
 *         .extra("cfg_scale", 0.5)
 *         .build();
 * }</pre>
 *
 * <p>Source: fal's platform-headers and queue documentation, summarised in the module README.
 */
public final class FalExtras {
    /** {@code X-Fal-Queue-Priority}: one of {@link #PRIORITIES}; fal's default is {@code normal}. */
    public static final String PRIORITY = "fal.priority";
    /** The priorities fal accepts. */
    public static final List<String> PRIORITIES = List.of("low", "normal", "high");

    /**
     * {@code X-Fal-Request-Timeout}: whole seconds (at least 2) the request may take to <em>start</em>
     * (queue wait, runner start and fal's own retries, not the run itself). When absent the SDK sends
     * the provider's polling deadline, so a job cannot start after the SDK stopped waiting for it.
     * When fal gives up it fails the job with HTTP 504 marked user-caused, which is not retried.
     */
    public static final String REQUEST_TIMEOUT_SECONDS = "fal.request_timeout";

    /** {@code X-Fal-No-Retry}: {@code true} turns fal's server-side retries off. */
    public static final String NO_RETRY = "fal.no_retry";

    /**
     * {@code X-Fal-Object-Lifecycle-Preference}: how long fal keeps the output files, in whole seconds
     * ({@code {"expiration_duration_seconds": n}}); by default fal keeps them at least 7 days.
     */
    public static final String OBJECT_EXPIRATION_SECONDS = "fal.object_expiration_seconds";

    /** {@code X-Fal-Runner-Hint}: fal's routing hint (advanced), sent as given. */
    public static final String RUNNER_HINT = "fal.runner_hint";

    /** Pika effects: the effect name, required by {@code fal-ai/pika/v1.5/pikaffects}; one of {@link #PIKAFFECTS}. */
    public static final String PIKAFFECT = "pikaffect";
    /** The effects fal lists for Pika's pikaffects endpoint. */
    public static final List<String> PIKAFFECTS = List.of("Cake-ify", "Crumble", "Crush", "Decapitate", "Deflate",
            "Dissolve", "Explode", "Eye-pop", "Inflate", "Levitate", "Melt", "Peel", "Poke", "Squish", "Ta-da", "Tear");

    /** Pikascenes: {@code creative} (fal's default) or {@code precise}; sent as a body field. */
    public static final String INGREDIENTS_MODE = "ingredients_mode";

    private FalExtras() {
    }
}
