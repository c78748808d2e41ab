package dev.videosdk.fal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.MediaInput;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the queue's answers: the submit answer (request id and the status/result/cancel URLs), the
 * status body ({@code IN_QUEUE} with {@code queue_position}, {@code IN_PROGRESS} with {@code logs},
 * {@code COMPLETED}; anything else counts as running) and the model's output (fal {@code File}
 * objects: {@code {url, content_type, file_name, file_size}}).
 */
final class FalResponses {
    /** Job attribute: the status URL the submit answer gave. */
    static final String STATUS_URL = "status_url";
    /** Job attribute: the result URL the submit answer gave. */
    static final String RESPONSE_URL = "response_url";
    /** Job attribute: the cancel URL the submit answer gave. */
    static final String CANCEL_URL = "cancel_url";
    /** fal keeps output files at least this long (fal's FAQ, settled 2026-11). */
    static final Duration RETENTION = Duration.ofDays(7);

    static final StatusTable STATUSES = StatusTable.builder()
            .queued("IN_QUEUE").running("IN_PROGRESS").succeeded("COMPLETED").build();

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?:\\.\\d+)?\\s?%");

    private FalResponses() {
    }

    /**
     * The accepted job. The URLs come from the answer when they point at the queue host, else they
     * are built from the model's {@code owner/app} (status, result and cancel never use the full id).
     *
     * @throws ProtocolException when the answer has no {@code request_id}
     */
    static VideoJob accepted(HttpReply reply, String provider, URI queueBase, String model, Instant now) {
        JsonNode body = reply.json();
        String requestId = body.path("request_id").asText("");
        if (requestId.isBlank()) {
            throw new ProtocolException(provider + " answered the submit call without request_id: " + reply.excerpt(),
                    reply.context(null), null);
        }
        String requests = queueBase + "/" + ownerApp(model) + "/requests/" + requestId;
        VideoJob job = ProviderData.withKeyId(VideoJob.of(provider, requestId, model, now), reply.credentialId());
        return ProviderData.withAttributes(job, Map.of(
                STATUS_URL, ownUrl(body, STATUS_URL, queueBase, requests + "/status"),
                RESPONSE_URL, ownUrl(body, RESPONSE_URL, queueBase, requests),
                CANCEL_URL, ownUrl(body, CANCEL_URL, queueBase, requests + "/cancel")));
    }

    /** {@code owner/app} of a model id; the reserved namespaces {@code workflows/} and {@code comfy/} add a segment. */
    static String ownerApp(String model) {
        String[] parts = model.split("/");
        int keep = (parts[0].equals("workflows") || parts[0].equals("comfy")) && parts.length > 2 ? 3 : 2;
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(keep, parts.length)));
    }

    private static String ownUrl(JsonNode body, String field, URI queueBase, String fallback) {
        String given = body.path(field).asText("");
        if (!given.isBlank()) {
            try {
                if (isOnHost(URI.create(given), queueBase)) {
                    return given;
                }
            } catch (IllegalArgumentException e) {
                // not a URI: use the fallback
            }
        }
        return fallback;
    }

    /** True when {@code uri} has the queue's scheme, host and port (so the key may be sent there). */
    static boolean isOnHost(URI uri, URI queueBase) {
        return uri.getScheme() != null && uri.getHost() != null
                && uri.getScheme().equalsIgnoreCase(queueBase.getScheme())
                && uri.getHost().equalsIgnoreCase(queueBase.getHost())
                && port(uri) == port(queueBase);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The status of a non-final answer; {@code COMPLETED} is {@link JobState#SUCCEEDED} and has no assets yet. */
    static JobState state(JsonNode body) {
        return STATUSES.stateOf(body.path("status").asText(null));
    }

    /**
     * A queued or running status: {@code queue_position} and the last log line become the message;
     * a percentage in the logs becomes the progress.
     */
    static JobStatus pending(JsonNode body, String raw) {
        String word = body.path("status").asText("");
        JobState state = state(body);
        String message = null;
        Integer percent = null;
        if (body.path("queue_position").canConvertToInt() && body.path("queue_position").isNumber()) {
            message = "queue position " + body.path("queue_position").intValue();
        }
        JsonNode logs = body.path("logs");
        if (logs.isArray()) {
            for (JsonNode log : logs) {
                String text = log.path("message").asText("").strip();
                if (text.isEmpty()) {
                    continue;
                }
                message = text.length() > 200 ? text.substring(0, 200) + "…" : text;
                Matcher m = PERCENT.matcher(text);
                while (m.find()) {
                    int p = Integer.parseInt(m.group(1));
                    if (p <= 100) {
                        percent = p;
                    }
                }
            }
        }
        JobState shown = state == JobState.QUEUED ? JobState.QUEUED : JobState.RUNNING;
        return ProviderData.withRaw(JobStatus.builder().state(shown).progress(percent).message(message).build(),
                word.isEmpty() ? null : word, raw);
    }

    /**
     * The model's output as assets: {@code video} (or each of {@code videos}) as the video, any other
     * top-level file object by its field name (e.g. {@code thumbnail}).
     *
     * @throws ProtocolException when there is no video URL: "done" without a video is never success
     */
    static JobStatus result(JsonNode output, VideoJob job, String raw) {
        List<VideoAsset> assets = assets(output, job);
        if (assets.stream().noneMatch(VideoAsset::isVideo)) {
            throw new ProtocolException(job.provider() + " job " + job.id() + " completed but its output has no video"
                    + " URL (expected video.url): " + excerpt(raw), dev.videosdk.ErrorContext.local(job.provider()), null);
        }
        return ProviderData.withRaw(JobStatus.succeeded(assets), "COMPLETED", raw);
    }

    static List<VideoAsset> assets(JsonNode output, VideoJob job) {
        List<VideoAsset> assets = new ArrayList<>();
        Instant expires = job.submittedAt().plus(RETENTION);
        JsonNode videos = output.path("videos");
        addFile(assets, output.path("video"), VideoAsset.VIDEO, job, expires);
        if (videos.isArray()) {
            for (JsonNode v : videos) {
                addFile(assets, v, VideoAsset.VIDEO, job, expires);
            }
        }
        for (Map.Entry<String, JsonNode> f : output.properties()) {
            if (!f.getKey().equals("video") && !f.getKey().equals("videos")) {
                String variant = f.getKey().equals("thumbnail") || f.getKey().equals("image") ? VideoAsset.THUMBNAIL
                        : f.getKey();
                addFile(assets, f.getValue(), variant, job, expires);
            }
        }
        return assets;
    }

    private static void addFile(List<VideoAsset> out, JsonNode file, String variant, VideoJob job, Instant expires) {
        String url = file.isTextual() && VideoAsset.VIDEO.equals(variant) ? file.asText() : file.path("url").asText("");
        if (url.isBlank() || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return;
        }
        String type = file.path("content_type").asText("");
        if (type.isBlank()) {
            String name = file.path("file_name").asText(uri.getPath() == null ? "" : uri.getPath());
            type = MediaInput.guessMimeType(name);
            if (type.equals("application/octet-stream") && VideoAsset.VIDEO.equals(variant)) {
                type = "video/mp4";
            }
        }
        out.add(VideoAsset.builder().uri(uri).mimeType(type.toLowerCase(Locale.ROOT)).expiresAt(expires).variant(variant)
                .job(job).build());
    }

    private static String excerpt(String raw) {
        return raw == null ? "" : raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
    }
}
