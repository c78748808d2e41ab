package dev.videosdk.internal.engine;

import dev.videosdk.AspectRatio;
import dev.videosdk.Resolution;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.VideoProvider;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code VideoClient.Builder.clampToCapabilities(true)}: a duration, resolution or aspect ratio the
 * request's model does not offer becomes the nearest one it does, read from the same per-model
 * capabilities as validation and model choice (ADR 0027). Ties go to the cheaper value.
 */
final class Clamping {
    private static final Logger LOG = LoggerFactory.getLogger(Clamping.class);

    private Clamping() {
    }

    /** {@code r} with each value the model does not offer replaced by its nearest offered value. */
    static VideoRequest toCapabilities(VideoProvider provider, VideoRequest r) {
        if (r.asksForModelChoice()) {
            return r; // the model chooser picks a model that fits
        }
        ProviderCapabilities providerCaps = provider.capabilities();
        ProviderCapabilities caps = providerCaps.forModel(r.model());
        String model = providerCaps.modelOrDefault(r.model());
        VideoRequest.Builder b = r.toBuilder();
        boolean changed = false;
        Set<Integer> seconds = caps.durationsSeconds();
        if (r.duration() != null && !seconds.isEmpty()) {
            double asked = r.duration().toMillis() / 1000.0;
            boolean offered = r.duration().toMillis() % 1000 == 0 && seconds.contains((int) r.duration().toSeconds());
            if (!offered) {
                int nearest = seconds.stream().min(Comparator.comparingDouble((Integer s) -> Math.abs(s - asked))
                        .thenComparing(s -> s)).orElseThrow();
                log(provider, model, "duration", r.duration().toMillis() / 1000.0 + " s", nearest + " s");
                b.duration(Duration.ofSeconds(nearest));
                changed = true;
            }
        }
        if (r.resolution() != null && !caps.resolutions().isEmpty() && !caps.resolutions().contains(r.resolution())) {
            int lines = r.resolution().lines();
            Resolution nearest = caps.resolutions().stream().min(Comparator.comparingInt((Resolution x) -> Math.abs(x.lines() - lines))
                    .thenComparingInt(Resolution::lines)).orElseThrow();
            log(provider, model, "resolution", r.resolution().label(), nearest.label());
            b.resolution(nearest);
            changed = true;
        }
        if (r.aspectRatio() != null && !caps.aspectRatios().isEmpty() && !caps.aspectRatios().contains(r.aspectRatio())) {
            double asked = Math.log((double) r.aspectRatio().width() / r.aspectRatio().height());
            AspectRatio nearest = caps.aspectRatios().stream().min(Comparator.comparingDouble(
                    (AspectRatio a) -> Math.abs(Math.log((double) a.width() / a.height()) - asked))).orElseThrow();
            log(provider, model, "aspectRatio", r.aspectRatio(), nearest);
            b.aspectRatio(nearest);
            changed = true;
        }
        return changed ? b.build() : r;
    }

    private static void log(VideoProvider provider, String model, String parameter, Object asked, Object sent) {
        LOG.info("{} model {} does not offer {} {}; sending {} (clampToCapabilities)", provider.id(), model, parameter,
                asked, sent);
    }
}
