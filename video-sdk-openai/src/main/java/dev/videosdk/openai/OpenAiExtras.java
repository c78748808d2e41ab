package dev.videosdk.openai;

/**
 * Provider-specific fields of a {@link dev.videosdk.VideoRequest} for the {@code openai} provider,
 * set with {@code VideoRequest.Builder#extra(name, value)}.
 *
 * <pre>{@code
 * VideoRequest.text("Same scene, but at night").extra(OpenAiExtras.REMIX_VIDEO_ID, "video_123").build();
 * }</pre>
 */
public final class OpenAiExtras {
    /**
     * Remix this completed video ({@code POST /videos/{id}/remix}) with the request's prompt instead
     * of creating a new one. A remix takes only a prompt.
     */
    public static final String REMIX_VIDEO_ID = "remix_video_id";
    /**
     * The exact {@code size} to send, e.g. {@code "1792x1024"}, instead of deriving it from aspect
     * ratio and resolution.
     */
    public static final String SIZE = "size";
    /** An uploaded file's id to use as {@code input_reference: {file_id}} instead of an image. */
    public static final String INPUT_FILE_ID = "input_file_id";

    private OpenAiExtras() {
    }
}
