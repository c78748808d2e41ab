package dev.videosdk.kling.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which request field a Kling error message names (e.g. {@code "aspect_ratio is invalid"})
 * and returns the SDK's name for it ({@code aspectRatio}); fields without an SDK counterpart keep
 * their wire name, which is also their {@link dev.videosdk.kling.KlingExtras extra} name.
 */
final class KlingParameterNames {
    /** Wire field to SDK parameter, longest name first. */
    private static final List<Map.Entry<String, String>> FIELDS = Map.ofEntries(
                    Map.entry("model_name", "model"),
                    Map.entry("prompt", "prompt"),
                    Map.entry("negative_prompt", "negativePrompt"),
                    Map.entry("aspect_ratio", "aspectRatio"),
                    Map.entry("duration", "duration"),
                    Map.entry("image", "images"),
                    Map.entry("image_tail", "lastFrame"),
                    Map.entry("callback_url", "callbackUrl"),
                    Map.entry("cfg_scale", "cfg_scale"),
                    Map.entry("mode", "mode"),
                    Map.entry("camera_control", "camera_control"),
                    Map.entry("sound", "sound"),
                    Map.entry("external_task_id", "external_task_id"),
                    Map.entry("watermark_info", "watermark_info"))
            .entrySet().stream()
            .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
                    .thenComparing(Map.Entry::getKey))
            .toList();
    private static final List<Map.Entry<Pattern, String>> PATTERNS = FIELDS.stream()
            .map(e -> Map.entry(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9_])"),
                    e.getValue()))
            .toList();

    private KlingParameterNames() {
    }

    /**
     * The SDK name of the first field the message names as a whole word (letters, digits and
     * {@code _} around it do not count, so {@code negative_prompt} is not {@code prompt}), if any.
     */
    static Optional<String> inMessage(String message) {
        if (message == null || message.isEmpty()) {
            return Optional.empty();
        }
        String text = message.toLowerCase(Locale.ROOT);
        int first = Integer.MAX_VALUE;
        String found = null;
        for (Map.Entry<Pattern, String> field : PATTERNS) {
            Matcher m = field.getKey().matcher(text);
            if (m.find() && m.start() < first) {
                first = m.start();
                found = field.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The wire field names this class knows, longest first. */
    static List<String> wireNames() {
        return FIELDS.stream().map(Map.Entry::getKey).toList();
    }

    /** The SDK name for a wire field, or the wire name itself. */
    static String sdkName(String wireName) {
        return FIELDS.stream().filter(e -> e.getKey().equals(wireName)).map(Map.Entry::getValue).findFirst()
                .orElse(wireName);
    }
}
