package dev.videosdk.fal;

/**
 * Pika's endpoints on fal, for {@link dev.videosdk.VideoRequest.Builder#model(String)} with the
 * {@code pika} provider. Without a model the SDK picks {@link #TEXT_TO_VIDEO} for a prompt alone,
 * {@link #IMAGE_TO_VIDEO} with one image and {@link #SCENES} with reference images only.
 *
 * <p>Source: fal's Pika model pages and their {@code llms.txt} (see {@code ../shared/providers/fal.md} §6).
 */
public final class PikaModels {
    /** Pika 2.2 text-to-video: ratios 16:9 (default), 9:16, 1:1, 4:5, 5:4, 3:2, 2:3; 720p/1080p; 5 or 10 s. */
    public static final String TEXT_TO_VIDEO = "fal-ai/pika/v2.2/text-to-video";
    /** Pika 2.2 image-to-video: one image; the frame ratio follows the image; 720p/1080p; 5 or 10 s. */
    public static final String IMAGE_TO_VIDEO = "fal-ai/pika/v2.2/image-to-video";
    /** Pika 2.2 scenes: 1 to 5 ingredient images ({@code image_urls}) combined into one video. */
    public static final String SCENES = "fal-ai/pika/v2.2/pikascenes";
    /** Pika 2.2 frames: 2 to 5 keyframes ({@code image_urls}); transition fields go in extras. */
    public static final String FRAMES = "fal-ai/pika/v2.2/pikaframes";
    /** Pika 2.1 text-to-video (older, same rules as 2.2). */
    public static final String TEXT_TO_VIDEO_2_1 = "fal-ai/pika/v2.1/text-to-video";
    /** Pika 2.1 image-to-video (older, same rules as 2.2). */
    public static final String IMAGE_TO_VIDEO_2_1 = "fal-ai/pika/v2.1/image-to-video";
    /** Pika 2.5 text-to-video: 480p/720p/1080p; 5 or 10 s; no aspect ratio field documented. */
    public static final String TEXT_TO_VIDEO_2_5 = "fal-ai/pika/v2.5/text-to-video";
    /** Pika 1.5 effects on one image; needs extra {@link FalExtras#PIKAFFECT}; no duration, ratio or resolution. */
    public static final String PIKAFFECTS = "fal-ai/pika/v1.5/pikaffects";

    private PikaModels() {
    }
}
