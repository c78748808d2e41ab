package dev.videosdk.soraproxy;

/**
 * Names used by the {@code sora-proxy} provider: Sora-branded video models served by
 * OpenAI-compatible gateways through {@code POST /v1/chat/completions}, with progress and the
 * result link streamed as text over server-sent events.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.fromEnv(Map.of(
 *         SoraProxy.API_KEY, "sk-...", SoraProxy.BASE_URL, "https://gateway.example"));
 * VideoResult r = client.generate(VideoRequest.text("A paper boat on a rainy street")
 *         .provider(SoraProxy.ID).aspectRatio(AspectRatio.PORTRAIT_9_16).durationSeconds(15).build()).join();
 * // model derived: sora_video2-portrait-15s
 * }</pre>
 *
 * <p>A generation lives on one HTTP response: it cannot be resumed from a job token after a
 * restart, and cancelling the future closes the connection (the gateway may still finish, and
 * bill, the job).
 */
public final class SoraProxy {
    /** The provider id. */
    public static final String ID = "sora-proxy";

    /** Environment variable: API key of the standard endpoint (comma-separated = key pool). Required. */
    public static final String API_KEY = "SORA_API_KEY";
    /** Environment variable: base URL of the standard gateway, with or without {@code /v1} and trailing slash. Required. */
    public static final String BASE_URL = "SORA_BASE_URL";
    /** Environment variable: API key of the pro/character endpoint; default: {@link #API_KEY}. */
    public static final String CHARACTER_API_KEY = "SORA_CHARACTER_API_KEY";
    /** Environment variable: base URL of the pro/character endpoint; default: {@link #BASE_URL}. */
    public static final String CHARACTER_BASE_URL = "SORA_CHARACTER_BASE_URL";
    /** Environment variable: seconds without any byte before a stream counts as hung (default 300). */
    public static final String IDLE_TIMEOUT_SECONDS = "SORA_IDLE_TIMEOUT_SECONDS";
    /** Environment variable: seconds to wait for the response headers, or the whole answer when not streaming (default 600). */
    public static final String REQUEST_TIMEOUT_SECONDS = "SORA_REQUEST_TIMEOUT_SECONDS";
    /** Environment variable: {@code false} asks for one JSON answer instead of a stream (default {@code true}). */
    public static final String STREAM = "SORA_STREAM";

    /** Request extra ({@code Boolean}): {@code false} asks this request's answer as one JSON completion; overrides {@link #STREAM}. */
    public static final String EXTRA_STREAM = "stream";

    /** The default model: 10 s, the gateway's default orientation. */
    public static final String SORA_VIDEO2 = "sora_video2";
    /** 15 s, the gateway's default orientation. */
    public static final String SORA_VIDEO2_15S = "sora_video2-15s";
    /** 16:9, 10 s. */
    public static final String SORA_VIDEO2_LANDSCAPE = "sora_video2-landscape";
    /** 9:16, 10 s. */
    public static final String SORA_VIDEO2_PORTRAIT = "sora_video2-portrait";
    /** 16:9, 15 s. */
    public static final String SORA_VIDEO2_LANDSCAPE_15S = "sora_video2-landscape-15s";
    /** 9:16, 15 s. */
    public static final String SORA_VIDEO2_PORTRAIT_15S = "sora_video2-portrait-15s";
    /** Plain Sora 2 on gateways that name it so (standard endpoint). */
    public static final String SORA_2 = "sora-2";
    /** Sora 2 Pro (pro/character endpoint, like every other {@code sora-2-*} name). */
    public static final String SORA_2_PRO = "sora-2-pro";

    private SoraProxy() {
    }
}
