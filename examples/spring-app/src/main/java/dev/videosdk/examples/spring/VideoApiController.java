package dev.videosdk.examples.spring;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.NotFoundException;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.WebhookOutcome;
import dev.videosdk.WebhookVerificationException;
import dev.videosdk.jobs.InsufficientCreditsException;
import dev.videosdk.jobs.QueueRecord;
import dev.videosdk.jobs.QueueState;
import dev.videosdk.jobs.QueueStats;
import dev.videosdk.media.LocalVideoStorage;
import dev.videosdk.media.VideoStorage;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spring.VideoQueueProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The seeds' REST API on the durable queue (ADR 1106). The user is the {@code X-User-Id} header (default
 * {@code demo}); a real service takes it from its authentication. Callbacks for a task arrive at
 * {@code POST /api/video/webhook/{provider}} (the starter's endpoint, {@code videosdk.webhook.path}, routed through
 * the queue: the task is found by the provider's job id) or {@code .../{provider}/{taskId}}, and wake its job (ADR 1004).
 */
@RestController
public class VideoApiController {
    private static final Logger LOG = LoggerFactory.getLogger(VideoApiController.class);
    private static final String USER = "X-User-Id";
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_IMAGES = 3;

    private final VideoClient client;
    private final VideoTasks tasks;
    private final VideoStorage storage;
    private final VideoQueueProperties queueProperties;
    private final AppSettings settings;

    /** Serves the API on the starter's client, queue and storage. */
    public VideoApiController(VideoClient client, VideoTasks tasks, VideoStorage storage,
            VideoQueueProperties queueProperties, AppSettings settings) {
        this.client = client;
        this.tasks = tasks;
        this.storage = storage;
        this.queueProperties = queueProperties;
        this.settings = settings;
    }

    /** Thrown for a field the API itself rejects. */
    static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /**
     * {@code POST /api/video/create} (form fields or multipart with up to three {@code images}) →
     * {@code {taskId, status, estimatedTime, cost, creditsLeft}}; 400 {@code {error, field}} for invalid input,
     * 402 when the user's credits do not cover it. The task is stored (and its credits reserved) before the
     * answer; the queue's workers send it to the provider.
     */
    @PostMapping("/api/video/create")
    public ResponseEntity<Map<String, Object>> create(
            @RequestHeader(value = USER, defaultValue = "demo") String userId,
            @RequestParam(value = "prompt", required = false) String prompt,
            @RequestParam(value = "duration", required = false) String duration,
            @RequestParam(value = "aspectRatio", required = false) String aspectRatio,
            @RequestParam(value = "imageUrl", required = false) String imageUrl,
            @RequestParam(value = "provider", required = false) String provider,
            @RequestParam(value = "model", required = false) String model,
            @RequestParam(value = "quality", required = false) String quality,
            @RequestParam(value = "images", required = false) List<MultipartFile> images) {
        try {
            user(userId);
            VideoRequest request = request(prompt, duration, aspectRatio, imageUrl, provider, model, quality, images);
            String taskId = tasks.create(userId, request, quality);
            QueueRecord task = tasks.find(taskId).orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("taskId", taskId);
            out.put("status", "queued");   // as stored; a worker may have picked it up already
            out.put("estimatedTime", "fake".equals(task.provider()) ? 10 : 120);
            out.put("cost", task.reservedCredits());
            out.put("creditsLeft", tasks.credits(userId));
            return ResponseEntity.ok(out);
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    /** {@code POST /api/video/create} with a JSON body of the same fields (no uploads; {@code imageUrl} instead). */
    @PostMapping(value = "/api/video/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> createJson(
            @RequestHeader(value = USER, defaultValue = "demo") String userId,
            @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        return create(userId, text(body, "prompt"), text(body, "duration"), text(body, "aspectRatio"),
                text(body, "imageUrl"), text(body, "provider"), text(body, "model"), text(body, "quality"), null);
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : String.valueOf(v);
    }

    /** The user id becomes a storage folder: the seeds' id rule. */
    private static String user(String userId) {
        if (!USER_ID.matcher(userId).matches() || userId.contains("..")) {
            throw new BadField(USER, "The user id must be 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        return userId;
    }

    private VideoRequest request(String prompt, String duration, String aspectRatio, String imageUrl, String provider,
            String model, String quality, List<MultipartFile> images) {
        List<MultipartFile> files = images == null ? List.of() : images.stream().filter(f -> !f.isEmpty()).toList();
        boolean hasPrompt = prompt != null && !prompt.isBlank();
        if (!hasPrompt && files.isEmpty() && blank(imageUrl)) {
            throw new BadField("prompt", "Please describe the video or upload a reference image.");
        }
        if (files.size() > MAX_IMAGES) {
            throw new BadField("images", "Please upload at most " + MAX_IMAGES + " reference images (you chose " + files.size() + ").");
        }
        List<MediaInput> inputs = new ArrayList<>();
        for (MultipartFile f : files) {
            byte[] data;
            try {
                data = f.getBytes();
            } catch (IOException e) {
                throw new BadField("images", "\"" + f.getOriginalFilename() + "\" could not be read.");
            }
            // by its bytes, not its name or Content-Type: a text file called .png is no image
            String type = MediaInput.sniffMimeType(data).filter(t -> t.startsWith("image/")).orElse(null);
            if (type == null) {
                throw new BadField("images", "\"" + f.getOriginalFilename() + "\" is not a PNG, JPEG, WebP or GIF image.");
            }
            inputs.add(MediaInput.bytes(data, type));
        }
        if (!blank(imageUrl)) {
            inputs.add(imageUrl(imageUrl.trim()));
        }
        VideoRequest.Builder b = VideoRequest.builder().prompt(hasPrompt ? prompt.trim() : "Bring this image to life");
        if (inputs.size() == 1) {
            b.image(inputs.get(0));
        } else {
            inputs.forEach(b::referenceImage);
        }
        if (!blank(duration)) {
            try {
                b.durationSeconds(Integer.parseInt(duration.trim()));
            } catch (NumberFormatException e) {
                throw new BadField("duration", "The duration must be a whole number of seconds, but was \"" + duration + "\".");
            }
        }
        if (!blank(aspectRatio)) {
            try {
                b.aspectRatio(AspectRatio.parse(aspectRatio.trim()));
            } catch (RuntimeException e) {
                throw new BadField("aspectRatio", "The aspect ratio must look like 16:9, but was \"" + aspectRatio + "\".");
            }
        }
        if (!blank(provider)) {
            if (!client.providers().contains(provider)) {
                throw new BadField("provider", "Unknown video service \"" + provider + "\"; choose one of " + client.providers() + ".");
            }
            b.provider(provider);
        }
        if (!blank(model)) {
            b.model(model.trim());
        }
        resolution(quality, blank(provider) ? client.defaultProvider() : provider).ifPresent(b::resolution);
        return b.build();
    }

    /** The {@code imageUrl} field as a media input; a bad one is reported under that name (core says {@code image}). */
    private static MediaInput imageUrl(String url) {
        try {
            return MediaInput.url(url);
        } catch (InvalidRequestException | IllegalArgumentException e) {
            throw new BadField("imageUrl", "The image URL must be an http(s) address of an image, but was \"" + url + "\".");
        }
    }

    /** Quality as the provider's resolution: high → its largest, low → its smallest, else its default. */
    private java.util.Optional<Resolution> resolution(String quality, String provider) {
        if (blank(quality)) {
            return java.util.Optional.empty();
        }
        String q = quality.toLowerCase(Locale.ROOT);
        if (!List.of("low", "medium", "standard", "high").contains(q)) {
            throw new BadField("quality", "Quality must be low, medium or high, but was \"" + quality + "\".");
        }
        List<Resolution> offered = new ArrayList<>(client.capabilities(provider).resolutions());
        if (offered.isEmpty()) {
            return java.util.Optional.empty();
        }
        offered.sort(null);
        return switch (q) {
            case "high" -> java.util.Optional.of(offered.get(offered.size() - 1));
            case "low" -> java.util.Optional.of(offered.get(0));
            default -> java.util.Optional.empty();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ResponseEntity<Map<String, Object>> failure(Throwable e) {
        Map<String, Object> body = new LinkedHashMap<>();
        HttpStatus status;
        if (e instanceof BadField bad) {
            status = HttpStatus.BAD_REQUEST;
            body.put("error", bad.getMessage());
            body.put("field", bad.field);
        } else if (e instanceof InvalidRequestException invalid) {
            status = HttpStatus.BAD_REQUEST;
            body.put("error", Messages.forUser(invalid));
            body.put("field", invalid.parameter().orElse(null));
        } else if (e instanceof IllegalArgumentException) {
            status = HttpStatus.BAD_REQUEST;
            body.put("error", "This request cannot be made: " + e.getMessage());
            body.put("field", null);
        } else if (e instanceof InsufficientCreditsException) {
            status = HttpStatus.PAYMENT_REQUIRED;
            body.put("error", "You do not have enough credits left for this video.");
        } else {
            LOG.warn("create failed: {}", e.toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            body.put("error", Messages.forUser(e));
        }
        return ResponseEntity.status(status).body(body);
    }

    /**
     * A body Spring cannot read (malformed JSON, not an object, empty) → 400 {@code {error, field}} in the API's shape
     * instead of Spring's default; {@code field} is the JSON property the parser was in, when there is one.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return failure(JsonBodyError.of(e));
    }

    /** {@code GET /api/video/status?taskId=} → status, progress, result URLs, error; 404 for an unknown task. */
    @GetMapping("/api/video/status")
    public ResponseEntity<Map<String, Object>> status(@RequestParam(value = "taskId", required = false) String taskId) {
        if (blank(taskId)) {
            return failure(new BadField("taskId", "Please name the task: /api/video/status?taskId=<the taskId from create>."));
        }
        return tasks.find(taskId).map(r -> ResponseEntity.ok(VideoTasks.statusOf(r))).orElseGet(() -> notFound(taskId));
    }

    /** {@code GET /api/video/file/{taskId}}: the finished MP4 from the storage ({@code ?download=1} as an attachment). */
    @GetMapping("/api/video/file/{taskId}")
    public ResponseEntity<Resource> file(@PathVariable("taskId") String taskId,
            @RequestParam(value = "download", required = false) String download) {
        ResponseEntity<Resource> answer = stored(taskId, "videoKey", "video/mp4");
        if (download != null && answer.getStatusCode().is2xxSuccessful()) {
            return ResponseEntity.ok().headers(answer.getHeaders())
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"video-" + taskId + ".mp4\"")
                    .body(answer.getBody());
        }
        return answer;
    }

    /** {@code GET /api/video/thumbnail/{taskId}}: the finished video's JPEG thumbnail (the player's poster). */
    @GetMapping("/api/video/thumbnail/{taskId}")
    public ResponseEntity<Resource> thumbnail(@PathVariable("taskId") String taskId) {
        return stored(taskId, "thumbnailKey", "image/jpeg");
    }

    /** Streams a stored output of a succeeded task, same-origin also when the storage is S3. */
    private ResponseEntity<Resource> stored(String taskId, String output, String contentType) {
        String key = tasks.find(taskId).filter(r -> r.state() == QueueState.SUCCEEDED)
                .map(r -> r.outputs().get(MediaStep.NAME + "." + output)).orElse(null);
        if (key == null || !storage.exists(key)) {
            return ResponseEntity.notFound().build();
        }
        // a file answers range requests (the player seeks); other stores are streamed whole
        Resource body;
        if (storage instanceof LocalVideoStorage local) {
            body = new FileSystemResource(local.pathOf(key));
        } else {
            try {
                body = new InputStreamResource(storage.open(key));
            } catch (NotFoundException gone) {
                return ResponseEntity.notFound().build();
            }
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf(contentType)).body(body);
    }

    /**
     * {@code POST /api/video/webhook/{provider}/{taskId}}: a provider's callback with the task id in the callback URL.
     * The client verifies it and the task's job is woken to check its status at once (ADR 1004); answers like the
     * starter's endpoint ({@code POST /api/video/webhook/{provider}}, which finds the task by the provider's job id):
     * 200 verified, 400 rejected, 404 unknown provider or task, 503 retry later.
     */
    @PostMapping("/api/video/webhook/{provider}/{taskId}")
    public CompletableFuture<ResponseEntity<Map<String, Object>>> webhook(@PathVariable("provider") String provider,
            @PathVariable("taskId") String taskId, @RequestHeader MultiValueMap<String, String> headers,
            @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body) {
        if (!client.providers().contains(provider) || tasks.find(taskId).filter(r -> r.provider().equals(provider)).isEmpty()) {
            return unknownWebhookTarget();
        }
        return answer(provider, "task " + taskId, () -> tasks.queue().webhook(taskId, provider, headers, bytes(body)));
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private static CompletableFuture<ResponseEntity<Map<String, Object>>> unknownWebhookTarget() {
        return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("outcome", "unknown")));
    }

    private static CompletableFuture<ResponseEntity<Map<String, Object>>> answer(String provider, String about,
            java.util.function.Supplier<CompletableFuture<WebhookOutcome>> handle) {
        CompletableFuture<WebhookOutcome> handled;
        try {
            handled = handle.get();
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        return handled.handle((outcome, error) -> {
            if (error == null) {
                return ResponseEntity.ok(Map.of("outcome", outcome.type().name().toLowerCase(Locale.ROOT)));
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof WebhookVerificationException) {
                LOG.warn("{} webhook for {} rejected: {}", provider, about, cause.getMessage());
                return ResponseEntity.badRequest().body(Map.of("outcome", "rejected"));
            }
            LOG.warn("{} webhook for {} not handled, the sender retries: {}", provider, about, cause.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("outcome", "error"));
        });
    }

    /**
     * {@code GET /api/queues/status}: the queue across every instance ({@code byState} with every state,
     * {@code activeByProvider}, {@code oldestQueuedSeconds}, {@code needsReconciliation}, finished in the last minute
     * and hour) and this instance's {@code workers}.
     */
    @GetMapping("/api/queues/status")
    public Map<String, Object> queues() {
        QueueStats stats = tasks.queue().stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("byState", lower(stats.byState()));
        Map<String, Object> active = new java.util.TreeMap<>();
        stats.activeByProvider().forEach((provider, counts) -> active.put(provider, lower(counts)));
        out.put("activeByProvider", active);
        out.put("total", stats.byState().values().stream().mapToLong(Long::longValue).sum());
        out.put("oldestQueuedSeconds", stats.oldestWaiting().toSeconds());
        out.put("needsReconciliation", stats.needsReconciliation());
        out.put("finishedLastMinute", stats.finishedLastMinute());
        out.put("finishedLastHour", stats.finishedLastHour());
        Map<String, Object> workers = new LinkedHashMap<>();
        workers.put("running", queueProperties.isStart());
        workers.put("threads", queueProperties.isStart()
                ? java.util.Objects.requireNonNullElse(queueProperties.getWorkers(), DEFAULT_WORKERS) : 0);
        out.put("workers", workers);
        return out;
    }

    /** The queue builder's default worker count, shown when {@code videosdk.queue.workers} is not set. */
    private static final int DEFAULT_WORKERS = 8;

    private static Map<String, Long> lower(Map<QueueState, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (QueueState s : QueueState.values()) {
            out.put(s.name().toLowerCase(Locale.ROOT), counts.getOrDefault(s, 0L));
        }
        return out;
    }

    /**
     * {@code GET /api/queues/tasks/{taskId}}: one task's record (state, provider, credits, times, history); 404 also
     * when the task is another user's.
     */
    @GetMapping("/api/queues/tasks/{taskId}")
    public ResponseEntity<Map<String, Object>> task(@RequestHeader(value = USER, defaultValue = "demo") String userId,
            @PathVariable("taskId") String taskId) {
        return tasks.findOwned(taskId, userId).map(r -> ResponseEntity.ok(tasks.details(r))).orElseGet(() -> notFound(taskId));
    }

    /** {@code GET /api/credits}: the user's balance in the queue's ledger. */
    @GetMapping("/api/credits")
    public ResponseEntity<Map<String, Object>> credits(@RequestHeader(value = USER, defaultValue = "demo") String userId) {
        try {
            return ResponseEntity.ok(Map.of("userId", user(userId), "credits", tasks.credits(userId),
                    "perGeneration", settings.creditsPerGeneration()));
        } catch (BadField e) {
            return failure(e);
        }
    }

    /** {@code GET /api/providers}: what the page offers (providers, durations, ratios) and its poll interval. */
    @GetMapping("/api/providers")
    public Map<String, Object> providers() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(client.providers())) {
            ProviderCapabilities caps;
            try {
                caps = client.capabilities(id);
            } catch (dev.videosdk.ConfigurationException notConfigured) {
                continue;   // its jar is on the class path, its keys are not set
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", id);
            p.put("durations", caps.durationsSeconds());
            p.put("aspectRatios", caps.aspectRatios().stream().map(AspectRatio::toString).toList());
            p.put("models", caps.models());
            p.put("maxImages", Math.max(caps.maxImages(), caps.maxReferenceImages()));
            list.add(p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("defaultProvider", client.defaultProvider());
        out.put("providers", list);
        out.put("pollIntervalMs", settings.pagePollInterval().toMillis());
        return out;
    }

    private static <T> ResponseEntity<T> notFound(String taskId) {
        @SuppressWarnings("unchecked")
        T body = (T) Map.of("error", "No task with id \"" + (taskId == null ? "" : taskId) + "\".");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
