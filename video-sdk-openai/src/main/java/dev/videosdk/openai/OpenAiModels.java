package dev.videosdk.openai;

import java.time.LocalDate;

/**
 * Model ids of the OpenAI Videos API. OpenAI shut the API and every Sora 2 model down on
 * {@link #SHUTDOWN_DATE}; gateways that speak the same {@code /v1/videos} format accept their own
 * model ids (any string), such as {@code google/veo-3.1-fast}.
 */
public final class OpenAiModels {
    /** The default model, {@code sora-2}. */
    public static final String SORA_2 = "sora-2";
    /** {@code sora-2-pro}: also offers the larger sizes 1024x1792 and 1792x1024. */
    public static final String SORA_2_PRO = "sora-2-pro";
    /** The day OpenAI shut the Videos API and the Sora 2 models down. */
    public static final LocalDate SHUTDOWN_DATE = LocalDate.of(2026, 9, 24);

    private OpenAiModels() {
    }

    /** True for {@code sora-2-pro} and its snapshots. */
    public static boolean isPro(String model) {
        return model != null && model.startsWith(SORA_2_PRO);
    }

    /** True for the Sora 2 family and its snapshots. */
    public static boolean isSora(String model) {
        return model != null && model.startsWith(SORA_2);
    }
}
