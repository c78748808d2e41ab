package dev.videosdk.kie.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobExpiredException;
import dev.videosdk.JobState;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import dev.videosdk.spi.StatusTable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kie record answers ({@code record-info}, {@code recordInfo}, {@code record-detail}),
 * callbacks and 1080p answers into {@link JobStatus}es. Documented shapes come first (per family,
 * see {@code shared/providers/kie.md} §10); older shapes seen in public clients
 * ({@code result.video_url}, {@code video_url}, {@code data.video_url}, {@code result.videoUrl},
 * {@code result.video}, {@code url}) are accepted as a last resort with a warning. A URL is only
 * ever taken from the answer, never constructed, and must be absolute http(s). Success without any
 * URL is a typed failure. Whatever the input, the only exceptions are {@link VideoException}s.
 */
final class KieResultParser {
    /** Kie's Common API says result links "typically expire after 24 hours" (media is kept 14 days). */
    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    /** Kie: the 1080p file takes 1–3 minutes; check every 20–30 s. */
    static final Duration HD_POLL_AFTER = Duration.ofSeconds(20);
    /** Variant of Veo's original-ratio video ({@code originUrls}). */
    static final String ORIGIN_VARIANT = "origin";

    private static final Logger LOG = LoggerFactory.getLogger(KieResultParser.class);
    private static final StatusTable STATES = StatusTable.builder()
            .queued("waiting", "queuing", "wait", "queueing")
            .running("generating")
            .succeeded("success")
            .failed("fail")
            .build();
    private static final StatusTable VEO_SUCCESS_FLAGS = StatusTable.builder()
            .running("0").succeeded("1").failed("2", "3").build();
    private static final List<String> LEGACY_PATHS = List.of(
            "/result/video_url", "/result/videoUrl", "/result/video", "/video_url", "/videoUrl", "/url");

    private final String provider;
    private final ObjectMapper json;

    KieResultParser(String provider, ObjectMapper json) {
        this.provider = provider;
        this.json = json;
    }

    /** What a callback says: the task, the family whose shape it has, and the status it carries (a hint). */
    record Callback(String taskId, KieFamily family, JobStatus status) {
    }

    /**
     * The status in a record answer of {@code family} for {@code job}.
     *
     * @throws VideoException (a {@link ProtocolException}) when the answer holds no record at all
     */
    JobStatus parseRecord(KieFamily family, JsonNode envelope, VideoJob job, ErrorContext ctx) {
        try {
            return withReportedCost(record(family, envelope, job, ctx), envelope.path("data"));
        } catch (VideoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(provider + " answered a record the SDK cannot read: " + excerpt(envelope), ctx, e);
        }
    }

    /**
     * The task, family and status of a callback body (family told by shape: snake_case
     * {@code task_id}/{@code video_url} is Runway, {@code state}/{@code resultJson} is the market, else Veo).
     *
     * @throws VideoException (a {@link ProtocolException}) when the body names no task
     */
    Callback parseCallback(JsonNode envelope, Instant now, ErrorContext ctx) {
        try {
            String taskId = callbackTaskId(envelope).orElseThrow(() -> new ProtocolException(
                    provider + " callback names no task (data.taskId, data.task_id or taskId): " + excerpt(envelope), ctx, null));
            JsonNode data = envelope.path("data");
            KieFamily family = data.has("task_id") || data.has("video_url") ? KieFamily.RUNWAY
                    : data.has("state") || data.has("resultJson") || data.has("param") ? KieFamily.JOBS
                    : KieFamily.VEO;
            VideoJob job = VideoJob.of(provider, taskId, null, now);
            JobStatus status;
            if (family == KieFamily.JOBS) {
                status = record(family, envelope, job, ctx);
            } else {
                Integer code = KieErrorMapper.envelopeCode(envelope).orElse(null);
                status = code != null && code == 200
                        ? success(family, envelope, data, job, ctx)
                        : ProviderData.withRaw(JobStatus.failed(KieErrorMapper.taskFailure(provider, taskId,
                                code == null ? null : code.toString(), KieErrorMapper.envelopeMessage(envelope), ctx)),
                                code == null ? null : code.toString(), envelope.toString());
            }
            return new Callback(taskId, family, status);
        } catch (VideoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(provider + " sent a callback the SDK cannot read: " + excerpt(envelope), ctx, e);
        }
    }

    /**
     * The status of a Veo {@code get-1080p-video} answer: succeeded with {@code data.resultUrl}, else
     * still running (Kie answers a non-200 code while the file is being made).
     */
    JobStatus parseHdVideo(JsonNode envelope, VideoJob job, ErrorContext ctx) {
        try {
            Integer code = KieErrorMapper.envelopeCode(envelope).orElse(null);
            List<URI> urls = code == null || code == 200 ? urlList(envelope.path("data").path("resultUrl")) : List.of();
            if (urls.isEmpty()) {
                return ProviderData.withPollAfter(ProviderData.withRaw(JobStatus.builder().state(JobState.RUNNING)
                        .message("waiting for the 1080p version").build(), code == null ? null : code.toString(),
                        envelope.toString()), HD_POLL_AFTER);
            }
            Instant expires = job.submittedAt().plus(LINK_LIFETIME);
            return ProviderData.withRaw(JobStatus.succeeded(List.of(asset(urls.get(0), VideoAsset.VIDEO, job, expires))), "1080p",
                    envelope.toString());
        } catch (VideoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(provider + " answered a 1080p record the SDK cannot read: " + excerpt(envelope), ctx, e);
        }
    }

    /** The task id of a callback: {@code data.taskId}, {@code data.task_id}, else top-level {@code taskId}. */
    static Optional<String> callbackTaskId(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        for (JsonNode candidate : List.of(data.path("taskId"), data.path("task_id"), envelope.path("taskId"))) {
            String id = text(candidate);
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Kie credits a record reports as charged, as {@code creditsConsumed} or {@code consumeCredits} (names vary). */
    static final List<String> CREDIT_FIELDS = List.of("creditsConsumed", "consumeCredits");
    /** The unit of Kie's credits in {@link dev.videosdk.Cost}. */
    static final String CREDITS = "kie-credits";

    /**
     * The status with the credits the record says were consumed, when it says so with a number
     * (field names from kie.md §6.2, seen in newer docs and callbacks; unconfirmed by Kie's reference).
     */
    static JobStatus withReportedCost(JobStatus status, JsonNode data) {
        for (String field : CREDIT_FIELDS) {
            JsonNode value = data.path(field);
            if (value.isNumber() || value.isTextual() && !value.asText().isBlank()) {
                try {
                    java.math.BigDecimal amount = new java.math.BigDecimal(value.asText().trim());
                    if (amount.signum() >= 0) {
                        return status.withCost(dev.videosdk.Cost.of(amount, CREDITS));
                    }
                } catch (NumberFormatException e) {
                    LOG.debug("kie record field {} is not a number: {}", field, value);
                }
            }
        }
        return status;
    }

    private JobStatus record(KieFamily family, JsonNode envelope, VideoJob job, ErrorContext ctx) {
        JsonNode data = envelope.path("data");
        String raw = envelope.toString();
        String word = data.isObject() ? statusWord(family, data) : null;
        Optional<JobState> state = word == null ? Optional.empty()
                : (family == KieFamily.VEO ? VEO_SUCCESS_FLAGS : STATES).known(word);
        if (state.isEmpty()) {
            if (word == null) {
                List<URI> legacy = legacyUrls(envelope);
                if (!legacy.isEmpty()) {
                    LOG.warn("{} task {}: answer has no status but an undocumented URL field; taking it as done", provider, job.id());
                    return ProviderData.withRaw(JobStatus.succeeded(assets(legacy, List.of(), job, expiry(family, data, job))),
                            null, raw);
                }
                if (!data.isObject()) {
                    throw new ProtocolException(provider + " answered without a record for task " + job.id() + ": "
                            + excerpt(envelope), ctx, null);
                }
            }
            return ProviderData.withRaw(JobStatus.running(progress(data)), word, raw);
        }
        switch (state.get()) {
            case QUEUED:
                return ProviderData.withRaw(JobStatus.queued(), word, raw);
            case SUCCEEDED:
                return ProviderData.withRaw(success(family, envelope, data, job, ctx), word, raw);
            case FAILED:
                return ProviderData.withRaw(JobStatus.failed(failure(family, data, job, ctx)), word, raw);
            default:
                return ProviderData.withRaw(JobStatus.running(progress(data)), word, raw);
        }
    }

    private JobStatus success(KieFamily family, JsonNode envelope, JsonNode data, VideoJob job, ErrorContext ctx) {
        if (family == KieFamily.RUNWAY && "1".equals(text(data.path("expireFlag")))) {
            return JobStatus.failed(new JobExpiredException(provider + " task " + job.id()
                    + " finished but its video has expired (expireFlag 1)", ctx));
        }
        List<URI> urls = documentedUrls(family, data);
        if (urls.isEmpty()) {
            urls = legacyUrls(envelope);
            if (!urls.isEmpty()) {
                LOG.warn("{} task {}: no documented result field; took the URL from an undocumented field", provider, job.id());
            }
        }
        if (urls.isEmpty()) {
            return JobStatus.failed(new GenerationFailedException(provider + " reported task " + job.id()
                    + " as successful but gave no video URL: " + excerpt(envelope), ctx, false, null));
        }
        List<URI> origin = family == KieFamily.VEO ? urlList(data.path("response").path("originUrls")) : List.of();
        return JobStatus.succeeded(assets(urls, origin, job, expiry(family, data, job)));
    }

    private VideoException failure(KieFamily family, JsonNode data, VideoJob job, ErrorContext ctx) {
        boolean veo = family == KieFamily.VEO;
        String code = text(data.path(veo ? "errorCode" : "failCode"));
        String message = text(data.path(veo ? "errorMessage" : "failMsg"));
        return KieErrorMapper.taskFailure(provider, job.id(), code, message, ctx);
    }

    private List<URI> documentedUrls(KieFamily family, JsonNode data) {
        switch (family) {
            case VEO:
                return firstNonEmpty(
                        urlList(data.path("response").path("fullResultUrls")),   // 2026 doc audit, unconfirmed
                        urlList(data.path("response").path("resultUrls")),       // OpenAPI record-info
                        urlList(data.path("info").path("resultUrls")),           // callback
                        urlList(data.path("resultUrls")));                       // old Veo 3 quick-start (JSON string)
            case JOBS:
                return urlList(jsonInString(data.path("resultJson")).path("resultUrls"));
            default:
                return firstNonEmpty(
                        urlList(data.path("videoInfo").path("videoUrl")),        // record-detail
                        urlList(data.path("video_url")));                        // callback (snake_case)
        }
    }

    private List<URI> legacyUrls(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        for (JsonNode base : List.of(data, envelope)) {
            if (!base.isObject()) {
                continue;
            }
            for (String path : LEGACY_PATHS) {
                List<URI> urls = urlList(base.at(path));
                if (!urls.isEmpty()) {
                    return urls;
                }
            }
        }
        return List.of();
    }

    @SafeVarargs
    private static List<URI> firstNonEmpty(List<URI>... lists) {
        for (List<URI> l : lists) {
            if (!l.isEmpty()) {
                return l;
            }
        }
        return List.of();
    }

    /** URLs in an array of strings, a JSON array in a string ({@code "[\"https://…\"]"}), {@code "[https://…]"}, or one URL. */
    private List<URI> urlList(JsonNode node) {
        List<String> candidates = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(e -> {
                String t = text(e);
                if (t != null) {
                    candidates.add(t);
                }
            });
        } else {
            String t = text(node);
            if (t != null && t.startsWith("[")) {
                JsonNode parsed = jsonInString(node);
                if (parsed.isArray()) {
                    return urlList(parsed);
                }
                for (String part : t.substring(1, t.endsWith("]") ? t.length() - 1 : t.length()).split(",")) {
                    candidates.add(part.trim().replace("\"", ""));
                }
            } else if (t != null) {
                candidates.add(t);
            }
        }
        Set<URI> urls = new LinkedHashSet<>();
        for (String c : candidates) {
            httpUri(c).ifPresent(urls::add);
        }
        return List.copyOf(urls);
    }

    private static Optional<URI> httpUri(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A field that holds JSON as text ({@code resultJson}); an object is taken as is; else missing. */
    private JsonNode jsonInString(JsonNode node) {
        if (node.isContainerNode()) {
            return node;
        }
        if (!node.isTextual()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode parsed = json.readTree(node.textValue());
            return parsed == null ? MissingNode.getInstance() : parsed;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String statusWord(KieFamily family, JsonNode data) {
        return text(data.path(family == KieFamily.VEO ? "successFlag" : "state"));
    }

    private static Integer progress(JsonNode data) {
        JsonNode p = data.path("progress");
        if (p.isNumber()) {
            double v = p.doubleValue();
            return Double.isFinite(v) ? (int) Math.max(0, Math.min(100, v)) : null;
        }
        String t = text(p);
        if (t != null && t.matches("\\d{1,3}(\\.\\d+)?%?")) {
            return (int) Math.min(100, Double.parseDouble(t.replace("%", "")));
        }
        return null;
    }

    /** Conservative expiry: 24 h from the earliest known moment the job could have completed. */
    private static Instant expiry(KieFamily family, JsonNode data, VideoJob job) {
        Instant from = job.submittedAt();
        JsonNode complete = data.path("completeTime");
        if (family == KieFamily.JOBS && complete.isIntegralNumber() && complete.canConvertToLong()) {
            Instant completed = Instant.ofEpochMilli(Math.max(0, complete.longValue()));
            from = completed.isBefore(from) && completed.isAfter(Instant.EPOCH) ? completed : from;
        }
        return from.plus(LINK_LIFETIME);
    }

    private List<VideoAsset> assets(List<URI> videos, List<URI> origin, VideoJob job, Instant expires) {
        List<VideoAsset> out = new ArrayList<>();
        videos.forEach(u -> out.add(asset(u, VideoAsset.VIDEO, job, expires)));
        origin.forEach(u -> out.add(asset(u, ORIGIN_VARIANT, job, expires)));
        return out;
    }

    private VideoAsset asset(URI uri, String variant, VideoJob job, Instant expires) {
        return VideoAsset.builder().uri(uri).mimeType("video/mp4").expiresAt(expires).variant(variant).job(job).provider(provider)
                .build();
    }

    /** A scalar's text, trimmed; null for missing, null, containers and blank text. */
    static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String t = node.asText().trim();
        return t.isEmpty() ? null : t;
    }

    private static String excerpt(JsonNode envelope) {
        String s = String.valueOf(envelope).replaceAll("\\s+", " ");
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
