package dev.videosdk;

/**
 * A frame aspect ratio such as 16:9. Constants cover the common ratios; {@link #parse(String)}
 * reads any {@code "w:h"} text.
 *
 * @param width  width part, at least 1
 * @param height height part, at least 1
 */
public record AspectRatio(int width, int height) {
    /** 16:9, landscape. */
    public static final AspectRatio LANDSCAPE_16_9 = new AspectRatio(16, 9);
    /** 9:16, portrait. */
    public static final AspectRatio PORTRAIT_9_16 = new AspectRatio(9, 16);
    /** 1:1, square. */
    public static final AspectRatio SQUARE_1_1 = new AspectRatio(1, 1);
    /** 4:3. */
    public static final AspectRatio LANDSCAPE_4_3 = new AspectRatio(4, 3);
    /** 3:4. */
    public static final AspectRatio PORTRAIT_3_4 = new AspectRatio(3, 4);
    /** 21:9. */
    public static final AspectRatio CINEMA_21_9 = new AspectRatio(21, 9);

    /** Validates both parts. */
    public AspectRatio {
        if (width < 1 || height < 1) {
            throw InvalidRequestException.local("sdk", "aspectRatio", "aspect ratio parts must be at least 1, but was " + width + ":" + height);
        }
    }

    /** Reads {@code "16:9"} (also {@code "16x9"}); throws {@link InvalidRequestException} on anything else. */
    public static AspectRatio parse(String text) {
        String[] parts = text.trim().split("[:x]");
        try {
            if (parts.length == 2) {
                return new AspectRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException ignored) {
            // fall through to the uniform message
        }
        throw InvalidRequestException.local("sdk", "aspectRatio", "aspect ratio must be like 16:9, but was " + text);
    }

    /** True when wider than tall. */
    public boolean isLandscape() {
        return width > height;
    }

    /** True when taller than wide. */
    public boolean isPortrait() {
        return height > width;
    }

    /** The ratio as {@code "w:h"}, as most providers expect it on the wire. */
    @Override
    public String toString() {
        return width + ":" + height;
    }
}
