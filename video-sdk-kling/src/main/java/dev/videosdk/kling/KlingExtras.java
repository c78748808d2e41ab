package dev.videosdk.kling;

import java.util.List;

/**
 * Kling-specific request fields, passed with {@link dev.videosdk.VideoRequest.Builder#extra(String, Object)}.
 * Every other extra is sent to Kling as is (e.g. {@code sound}, {@code watermark_info}), so new
 * fields work without an SDK release.
 *
 * <pre>{@code
 * VideoRequest.text("A lighthouse in a storm")
 *         .extra(KlingExtras.MODE, KlingExtras.MODE_PRO)
 *         .extra(KlingExtras.CFG_SCALE, 0.7)
 *         .extra(KlingExtras.CAMERA_CONTROL, Map.of("type", "simple", "config", Map.of("zoom", 5)))
 *         .build();
 * }</pre>
 */
public final class KlingExtras {
    /** {@code mode}: {@value #MODE_STD} (default, cheaper) or {@value #MODE_PRO} (higher quality, slower). */
    public static final String MODE = "mode";
    /** Standard mode. */
    public static final String MODE_STD = "std";
    /** Professional mode. */
    public static final String MODE_PRO = "pro";
    /** The modes Kling accepts. */
    public static final List<String> MODES = List.of(MODE_STD, MODE_PRO);

    /**
     * {@code cfg_scale}: a number from 0 to 1; higher follows the prompt more closely. Default 0.5
     * for image-to-video on {@code kling-v1*} models; kling-v2 models do not take it.
     */
    public static final String CFG_SCALE = "cfg_scale";

    /**
     * {@code camera_control}: a map {@code {"type": T, "config": {...}}}. {@code T} is one of
     * {@link #CAMERA_TYPES}; only {@code simple} takes a {@code config} with exactly one non-zero
     * value among {@link #CAMERA_AXES}, each from -10 to 10.
     */
    public static final String CAMERA_CONTROL = "camera_control";
    /** Camera movement types. */
    public static final List<String> CAMERA_TYPES = List.of("simple", "down_back", "forward_up",
            "right_turn_forward", "left_turn_forward");
    /** The axes of a {@code simple} camera movement. */
    public static final List<String> CAMERA_AXES = List.of("horizontal", "vertical", "pan", "tilt", "roll", "zoom");

    /**
     * {@code external_task_id}: your own id for the task, unique within the Kling account. When
     * absent the SDK generates one ({@code videosdk-<uuid>}) and sends the same one on every try.
     */
    public static final String EXTERNAL_TASK_ID = "external_task_id";

    private KlingExtras() {
    }
}
