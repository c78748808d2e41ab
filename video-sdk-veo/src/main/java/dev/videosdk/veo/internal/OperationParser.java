package dev.videosdk.veo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ContentPolicyException;
import dev.videosdk.ErrorContext;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a long-running operation into a {@link JobStatus}. {@code done} absent or false is
 * running (Veo reports no percentage); {@code error} is a failure; otherwise every sample with a
 * video becomes an asset, and a finished operation without any is a content-policy failure that
 * carries Google's filter reasons — never a success.
 *
 * <p>Reads both response shapes: Gemini API {@code response.generateVideoResponse.generatedSamples[].video}
 * and Vertex AI {@code response.videos[]}; a video is {@code uri}, {@code gcsUri} or inline
 * {@code bytesBase64Encoded} (then a {@code data:} URI).
 */
final class OperationParser {
    /** Gemini API files are deleted two days after generation. */
    static final Duration GEMINI_RETENTION = Duration.ofDays(2);
    private static final int MAX_RAW_JSON = 64 * 1024;

    private final String provider;
    private final GoogleErrors errors;
    private final Duration retention;

    /** {@code retention}: how long http(s) video links stay valid after completion, or null if unknown. */
    OperationParser(String provider, GoogleErrors errors, Duration retention) {
        this.provider = provider;
        this.errors = errors;
        this.retention = retention;
    }

    JobStatus parse(JsonNode operation, VideoJob job, Instant now) {
        String raw = operation.toString();
        String rawJson = raw.length() > MAX_RAW_JSON ? null : raw;
        if (!operation.path("done").asBoolean(false)) {
            return ProviderData.withRaw(JobStatus.running(null), "running", rawJson);
        }
        JsonNode error = operation.path("error");
        if (error.isObject()) {
            if (error.path("code").asInt(-1) == 1) {
                return ProviderData.withRaw(JobStatus.cancelled(GoogleErrors.text(error, "message")), "cancelled", rawJson);
            }
            return ProviderData.withRaw(JobStatus.failed(errors.operationError(error, job.id())), "error", rawJson);
        }
        JsonNode response = operation.path("response");
        JsonNode result = response.has("generateVideoResponse") ? response.path("generateVideoResponse") : response;
        List<JsonNode> videos = new ArrayList<>();
        result.path("generatedSamples").forEach(s -> videos.add(s.path("video")));
        result.path("generatedVideos").forEach(s -> videos.add(s.path("video")));
        result.path("videos").forEach(videos::add);
        List<String> reasons = new ArrayList<>();
        result.path("raiMediaFilteredReasons").forEach(r -> reasons.add(r.asText()));
        int filtered = result.path("raiMediaFilteredCount").asInt(0);
        if (videos.isEmpty()) {
            String why = reasons.isEmpty() ? "Google returned no video and no reason" : String.join("; ", reasons);
            ContentPolicyException refused = new ContentPolicyException(provider + " operation " + job.id()
                    + " finished without a video" + (filtered > 0 ? " (" + filtered + " filtered by Google's safety filters)" : "")
                    + ": " + why, reasons, ErrorContext.of(provider, 0, "RAI_MEDIA_FILTERED", null), null);
            return ProviderData.withRaw(JobStatus.failed(refused), "filtered", rawJson);
        }
        Instant expires = retention == null ? null : now.plus(retention);
        List<VideoAsset> assets = new ArrayList<>();
        for (JsonNode v : videos) {
            URI uri = location(v);
            if (uri != null) {
                String mime = GoogleErrors.text(v, "mimeType");
                assets.add(VideoAsset.builder().uri(uri).mimeType(mime == null ? "video/mp4" : mime)
                        .expiresAt(uri.getScheme().startsWith("http") ? expires : null).variant(VideoAsset.VIDEO).job(job).build());
            }
        }
        if (assets.isEmpty()) {
            return ProviderData.withRaw(JobStatus.failed(new ProtocolException(provider + " operation " + job.id()
                    + " finished with " + videos.size() + " sample(s) but no video URI or bytes in them",
                    ErrorContext.of(provider, 0, null, null), null)), "done", rawJson);
        }
        JobStatus status = ProviderData.withRaw(JobStatus.succeeded(assets), "done", rawJson);
        return filtered > 0 ? status.withMessage(filtered + " video(s) filtered by Google's safety filters: "
                + String.join("; ", reasons)) : status;
    }

    private static URI location(JsonNode video) {
        String uri = GoogleErrors.text(video, "uri");
        String gcs = GoogleErrors.text(video, "gcsUri");
        String bytes = GoogleErrors.text(video, "bytesBase64Encoded");
        if (bytes == null) {
            bytes = GoogleErrors.text(video, "videoBytes");
        }
        try {
            if (uri != null) return absolute(uri);
            if (gcs != null) return absolute(gcs);
            if (bytes != null) {
                String mime = GoogleErrors.text(video, "mimeType");
                return new URI("data:" + (mime == null ? "video/mp4" : mime) + ";base64," + bytes);
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return null;
    }

    private static URI absolute(String text) throws URISyntaxException {
        URI uri = new URI(text);
        return uri.getScheme() == null ? null : uri;
    }
}
