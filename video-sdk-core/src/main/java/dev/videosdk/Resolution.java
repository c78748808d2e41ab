package dev.videosdk;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An output resolution class; providers map it to their own size strings. */
public enum Resolution {
    /** 480p. */
    SD_480P("480p", 480),
    /** 720p. */
    HD_720P("720p", 720),
    /** 1080p. */
    FHD_1080P("1080p", 1080),
    /** 4K (2160p). */
    UHD_4K("4k", 2160);

    private final String label;
    private final int lines;

    Resolution(String label, int lines) {
        this.label = label;
        this.lines = lines;
    }

    /** The usual label, e.g. {@code "720p"}. */
    public String label() {
        return label;
    }

    /** Lines of the short side, e.g. 720. */
    public int lines() {
        return lines;
    }

    /** Reads a label such as {@code "1080p"} or {@code "4k"} (case-insensitive). */
    public static Resolution parse(String text) {
        for (Resolution r : values()) {
            if (r.label.equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw InvalidRequestException.local("sdk", "resolution", "resolution must be one of "
                + Arrays.stream(values()).map(Resolution::label).collect(Collectors.joining(", ")) + ", but was " + text);
    }

    @Override
    public String toString() {
        return label;
    }
}
