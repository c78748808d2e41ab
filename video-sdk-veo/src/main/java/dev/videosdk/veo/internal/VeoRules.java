package dev.videosdk.veo.internal;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.veo.VeoExtras;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The combination rules Veo documents, checked before any request; each failure names the
 * parameter and says what to change. The core has already checked the single values against the
 * capabilities (ratios, resolutions, counts, MIME types).
 */
final class VeoRules {
    static final int REQUIRED_SECONDS = 8;
    static final List<String> PERSON_GENERATION = List.of("allow_all", "allow_adult", "dont_allow");
    private static final Set<String> EXTRAS = Set.of(VeoExtras.PERSON_GENERATION, VeoExtras.NUMBER_OF_VIDEOS,
            VeoExtras.ENHANCE_PROMPT, VeoExtras.GENERATE_AUDIO, VeoExtras.STORAGE_URI);
    private static final Set<String> VERTEX_ONLY_EXTRAS = Set.of(VeoExtras.GENERATE_AUDIO, VeoExtras.STORAGE_URI);
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String provider;
    private final Surface surface;

    VeoRules(String provider, Surface surface) {
        this.provider = provider;
        this.surface = surface;
    }

    void check(VideoRequest r, String model) {
        if (!MODEL_ID.matcher(model).matches()) {
            throw fail("model", "model must be a Veo model id such as veo-3.1-generate-preview, but was \"" + model + "\"");
        }
        ModelFamily family = ModelFamily.of(model);
        boolean image = !r.images().isEmpty();
        boolean references = !r.referenceImages().isEmpty();
        boolean video = r.referenceVideo() != null;
        Optional<Integer> seconds = r.durationSeconds();

        if (references && (image || r.lastFrame() != null || video)) {
            throw fail("referenceImages", "reference images cannot be combined with a first frame, a last frame or a "
                    + "reference video; send either referenceImages or image/lastFrame/referenceVideo");
        }
        if (image && video) {
            throw fail("referenceVideo", "a first frame (image) and a video to extend (referenceVideo) cannot be combined");
        }
        if (references && seconds.filter(s -> s != REQUIRED_SECONDS).isPresent()) {
            throw fail("duration", "reference images need a duration of 8 s, but was " + seconds.get() + " s");
        }
        if (video && seconds.filter(s -> s != REQUIRED_SECONDS).isPresent()) {
            throw fail("duration", "video extension needs a duration of 8 s, but was " + seconds.get() + " s");
        }
        if (needsEightSeconds(r.resolution()) && seconds.filter(s -> s != REQUIRED_SECONDS).isPresent()) {
            throw fail("duration", "resolution " + r.resolution().label() + " needs a duration of 8 s, but was "
                    + seconds.get() + " s; use 8 s or 720p");
        }
        if (video && r.resolution() != null && r.resolution() != Resolution.HD_720P) {
            throw fail("resolution", "video extension is only available at 720p, but was " + r.resolution().label());
        }
        checkFamily(r, model, family, references, video, seconds);
        checkMedia(r);
        checkExtras(r, family);
        if (r.seed() != null && surface == Surface.GEMINI) {
            throw fail("seed", "seed is only accepted on Vertex AI (provider veo-vertex); the Gemini API SDKs refuse it");
        }
        if (r.seed() != null && (r.seed() < 0 || r.seed() > 0xFFFF_FFFFL)) {
            throw fail("seed", "seed must be between 0 and 4294967295, but was " + r.seed());
        }
    }

    private void checkFamily(VideoRequest r, String model, ModelFamily family, boolean references, boolean video,
                             Optional<Integer> seconds) {
        if (seconds.isPresent() && !family.durations.isEmpty() && !family.durations.contains(seconds.get())) {
            throw InvalidRequestException.notAllowed(provider, "duration", seconds.get() + "s (model " + model + ")",
                    family.durations.stream().sorted().map(s -> s + "s").toList());
        }
        if (seconds.filter(s -> s == 5).isPresent() && family == ModelFamily.OTHER) {
            throw fail("duration", "a duration of 5 s is only offered by Veo 2 models; use 4, 6 or 8 s");
        }
        if (r.resolution() != null && !family.resolutions.isEmpty() && !family.resolutions.contains(r.resolution())) {
            throw InvalidRequestException.notAllowed(provider, "resolution", r.resolution().label() + " (model " + model + ")",
                    family.resolutions.stream().sorted().map(Resolution::label).toList());
        }
        if (family == ModelFamily.VEO_3_0 && r.resolution() == Resolution.FHD_1080P
                && r.aspectRatio() != null && !r.aspectRatio().equals(AspectRatio.LANDSCAPE_16_9)) {
            throw fail("aspectRatio", "model " + model + " offers 1080p only at 16:9, but the aspect ratio was " + r.aspectRatio());
        }
        if (r.lastFrame() != null && !family.lastFrame) {
            throw fail("lastFrame", "model " + model + " does not take a last frame; use a Veo 3.1 model");
        }
        if (references && !family.referenceImages) {
            throw fail("referenceImages", "model " + model + " does not take reference images; use "
                    + "veo-3.1-generate-preview or veo-3.1-fast-generate-preview");
        }
        if (video && !family.extension) {
            throw fail("referenceVideo", "model " + model + " cannot extend videos; use a Veo 3.1 model (not Lite)");
        }
    }

    private void checkMedia(VideoRequest r) {
        for (MediaInput in : frames(r)) {
            if (in instanceof MediaInput.Url url && "gs".equalsIgnoreCase(url.uri().getScheme()) && surface == Surface.GEMINI) {
                throw fail("images", "the Gemini API does not read images from Google Cloud Storage (" + url.uri()
                        + "); pass an http(s) URL, bytes or a file, or use provider veo-vertex");
            }
        }
        MediaInput video = r.referenceVideo();
        if (video == null) {
            return;
        }
        if (surface == Surface.GEMINI) {
            if (!(video instanceof MediaInput.Url url) || !url.uri().getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                throw fail("referenceVideo", "on the Gemini API the video to extend must be the URI of an earlier Veo "
                        + "generation (VideoAsset.uri()), not bytes or a file");
            }
        } else if (video instanceof MediaInput.Url url && !"gs".equalsIgnoreCase(url.uri().getScheme())) {
            throw fail("referenceVideo", "on Vertex AI the video to extend must be a gs:// URI or bytes, but was " + url.uri());
        }
    }

    private void checkExtras(VideoRequest r, ModelFamily family) {
        for (String key : r.extras().keySet()) {
            if (!EXTRAS.contains(key)) {
                throw fail(key, provider + " does not know the extra \"" + key + "\"; known extras: " + EXTRAS.stream().sorted().toList());
            }
            if (surface == Surface.GEMINI && VERTEX_ONLY_EXTRAS.contains(key)) {
                throw fail(key, key + " is only accepted on Vertex AI (provider veo-vertex)");
            }
        }
        r.extra(VeoExtras.PERSON_GENERATION).ifPresent(v -> {
            if (!PERSON_GENERATION.contains(v)) {
                throw InvalidRequestException.notAllowed(provider, VeoExtras.PERSON_GENERATION, v, PERSON_GENERATION);
            }
        });
        int maxVideos = surface == Surface.VERTEX ? 4 : family.maxVideosOnGemini();
        numberOfVideos(r).ifPresent(n -> {
            if (n < 1 || n > maxVideos) {
                throw fail(VeoExtras.NUMBER_OF_VIDEOS, VeoExtras.NUMBER_OF_VIDEOS + " must be between 1 and " + maxVideos
                        + " for this model on " + (surface == Surface.VERTEX ? "Vertex AI" : "the Gemini API") + ", but was " + n);
            }
        });
        for (String flag : List.of(VeoExtras.ENHANCE_PROMPT, VeoExtras.GENERATE_AUDIO)) {
            r.extra(flag).ifPresent(v -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw fail(flag, flag + " must be true or false, but was " + v);
                }
            });
        }
        r.extra(VeoExtras.STORAGE_URI).ifPresent(v -> {
            if (!v.startsWith("gs://")) {
                throw fail(VeoExtras.STORAGE_URI, VeoExtras.STORAGE_URI + " must start with gs://, but was " + v);
            }
        });
    }

    /** The requested number of videos, if set. */
    Optional<Integer> numberOfVideos(VideoRequest r) {
        return r.extra(VeoExtras.NUMBER_OF_VIDEOS).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw fail(VeoExtras.NUMBER_OF_VIDEOS, VeoExtras.NUMBER_OF_VIDEOS + " must be a whole number, but was " + v);
            }
        });
    }

    /** True when Veo requires an 8-second clip for this resolution. */
    static boolean needsEightSeconds(Resolution resolution) {
        return resolution == Resolution.FHD_1080P || resolution == Resolution.UHD_4K;
    }

    private static List<MediaInput> frames(VideoRequest r) {
        List<MediaInput> all = new java.util.ArrayList<>(r.images());
        if (r.lastFrame() != null) {
            all.add(r.lastFrame());
        }
        all.addAll(r.referenceImages());
        return all;
    }

    private InvalidRequestException fail(String parameter, String message) {
        return InvalidRequestException.local(provider, parameter, provider + ": " + message);
    }
}
