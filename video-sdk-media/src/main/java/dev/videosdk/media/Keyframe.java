package dev.videosdk.media;

import dev.videosdk.MediaInput;

import java.time.Duration;
import java.util.Objects;

/**
 * A frame sampled by {@link Ffmpeg#keyframes}: its media time, whether it starts a new scene, and
 * the frame as a JPEG (quality 85, long side at most 768 px).
 *
 * @param at          the frame's media time
 * @param sceneChange true when FFmpeg's scene detection picked it, false for an evenly spaced filler
 * @param jpeg        the JPEG bytes (not copied: do not modify)
 */
public record Keyframe(Duration at, boolean sceneChange, byte[] jpeg) {
    /** Validates the record. */
    public Keyframe {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(jpeg, "jpeg");
    }

    /** The frame as a reference image for a {@link dev.videosdk.PromptRefiner} or a provider. */
    public MediaInput toMediaInput() {
        return MediaInput.bytes(jpeg, "image/jpeg");
    }
}
