package dev.videosdk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished generation: the job, what it produced and how long it took.
 *
 * <p>Produced by the SDK; the canonical constructor is not a stable way to build it — components may be
 * added in a minor release.
 *
 * @param job            the job
 * @param assets         produced files, the main video first
 * @param promptSent     the prompt actually sent to the provider (after refinement, if any); null for a
 *                       job collected with {@link VideoClient#await(VideoJob)}, whose prompt this client did not send
 * @param originalPrompt the prompt the caller gave; null as for {@code promptSent}
 * @param completedAt    when the SDK saw the job finish
 * @param elapsed        submit-to-completion time as seen by the SDK
 * @param actualCost     what the provider says the job cost, with the dollar rate from the client's price
 *                       table where known; null when the provider does not report it
 */
public record VideoResult(VideoJob job, List<VideoAsset> assets, String promptSent, String originalPrompt,
                          Instant completedAt, Duration elapsed, Cost actualCost) {

    /** Validates and copies. */
    public VideoResult {
        Objects.requireNonNull(job, "job");
        assets = List.copyOf(assets);
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("a result must have at least one asset, but had none");
        }
    }

    /** A result without a reported cost (the form before costs existed). */
    public VideoResult(VideoJob job, List<VideoAsset> assets, String promptSent, String originalPrompt,
                       Instant completedAt, Duration elapsed) {
        this(job, assets, promptSent, originalPrompt, completedAt, elapsed, null);
    }

    /** The cost estimated before submitting ({@link VideoJob#estimatedCost()}), if known. */
    public Optional<Cost> estimatedCost() {
        return job.estimatedCostIfKnown();
    }

    /** What the provider reported the job cost, if it did. */
    public Optional<Cost> actualCostIfReported() {
        return Optional.ofNullable(actualCost);
    }

    /** The main video: the first asset of variant {@code video}, else the first asset. */
    public VideoAsset video() {
        return assets.stream().filter(VideoAsset::isVideo).findFirst().orElse(assets.get(0));
    }

    /** Every asset of the given variant, e.g. {@link VideoAsset#THUMBNAIL}. */
    public List<VideoAsset> assets(String variant) {
        return assets.stream().filter(a -> a.variant().equals(variant)).toList();
    }
}
