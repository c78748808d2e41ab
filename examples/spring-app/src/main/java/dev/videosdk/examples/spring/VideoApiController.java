package dev.videosdk.examples.spring;

import dev.videosdk.AspectRatio;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.Resolution;
import dev.videosdk.VideoClient;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.ProviderCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The seeds' REST API. The user is the {@code X-User-Id} header (default {@code demo}); a real service
 * takes it from its authentication. Callbacks arrive at {@code POST /api/video/webhook/{provider}},
 * served by the starter ({@code videosdk.webhook.path}).
 */
@RestController
public class VideoApiController {
    private static final String USER = "X-User-Id";
    private static final int MAX_IMAGES = 3;

    private final VideoClient client;
    private final TaskService tasks;
    private final Credits credits;
    private final AppSettings settings;

    /** Serves the API on the starter's client. */
    public VideoApiController(VideoClient client, TaskService tasks, Credits credits, AppSettings settings) {
        this.client = client;
        this.tasks = tasks;
        this.credits = credits;
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
     * 402 when the user's credits do not cover it.
     */
    @PostMapping("/api/video/create")
    public CompletableFuture<ResponseEntity<Map<String, Object>>> create(
            @RequestHeader(value = USER, defaultValue = "demo") String userId,
            @RequestParam(value = "prompt", required = false) String prompt,
            @RequestParam(value = "duration", required = false) String duration,
            @RequestParam(value = "aspectRatio", required = false) String aspectRatio,
            @RequestParam(value = "imageUrl", required = false) String imageUrl,
            @RequestParam(value = "provider", required = false) String provider,
            @RequestParam(value = "model", required = false) String model,
            @RequestParam(value = "quality", required = false) String quality,
            @RequestParam(value = "images", required = false) List<MultipartFile> images) {
        VideoRequest request;
        try {
            request = request(prompt, duration, aspectRatio, imageUrl, provider, model, quality, images);
            return tasks.create(userId, request, quality).handle((task, error) -> error == null
                    ? ResponseEntity.ok(created(task, userId))
                    : failure(error));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    /** {@code POST /api/video/create} with a JSON body of the same fields (no uploads; {@code imageUrl} instead). */
    @PostMapping(value = "/api/video/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    public CompletableFuture<ResponseEntity<Map<String, Object>>> createJson(
            @RequestHeader(value = USER, defaultValue = "demo") String userId,
            @org.springframework.web.bind.annotation.RequestBody Map<String, Object> body) {
        return create(userId, text(body, "prompt"), text(body, "duration"), text(body, "aspectRatio"),
                text(body, "imageUrl"), text(body, "provider"), text(body, "model"), text(body, "quality"), null);
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        return v == null ? null : String.valueOf(v);
    }

    private Map<String, Object> created(Task task, String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", task.id);
        out.put("status", task.state().name().toLowerCase(Locale.ROOT));
        out.put("estimatedTime", "fake".equals(task.provider) ? 10 : 120);
        out.put("cost", task.cost);
        out.put("creditsLeft", credits.balance(userId));
        return out;
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
            String type = f.getContentType();
            if (type == null || !type.startsWith("image/")) {
                throw new BadField("images", "\"" + f.getOriginalFilename() + "\" is not an image.");
            }
            try {
                inputs.add(MediaInput.bytes(f.getBytes(), type));
            } catch (IOException e) {
                throw new BadField("images", "\"" + f.getOriginalFilename() + "\" could not be read.");
            }
        }
        if (!blank(imageUrl)) {
            inputs.add(MediaInput.url(imageUrl));
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

    /** Quality as the provider's resolution: high → its largest, low → its smallest, else its default. */
    private java.util.Optional<Resolution> resolution(String quality, String provider) {
        List<Resolution> offered = new ArrayList<>(client.capabilities(provider).resolutions());
        if (blank(quality) || offered.isEmpty()) {
            return java.util.Optional.empty();
        }
        offered.sort(null);
        return switch (quality.toLowerCase(Locale.ROOT)) {
            case "high" -> java.util.Optional.of(offered.get(offered.size() - 1));
            case "low" -> java.util.Optional.of(offered.get(0));
            case "medium", "standard" -> java.util.Optional.empty();
            default -> throw new BadField("quality", "Quality must be low, medium or high, but was \"" + quality + "\".");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ResponseEntity<Map<String, Object>> failure(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
        } else if (e instanceof Credits.NotEnoughCredits) {
            status = HttpStatus.PAYMENT_REQUIRED;
            body.put("error", e.getMessage());
        } else {
            status = HttpStatus.BAD_GATEWAY;
            body.put("error", Messages.forUser(e));
        }
        return ResponseEntity.status(status).body(body);
    }

    /** {@code GET /api/video/status?taskId=} → status, progress, result URLs, error; 404 for an unknown task. */
    @GetMapping("/api/video/status")
    public ResponseEntity<Map<String, Object>> status(@RequestParam(value = "taskId", required = false) String taskId) {
        return tasks.find(taskId).map(t -> ResponseEntity.ok(t.status()))
                .orElseGet(() -> notFound(taskId));
    }

    /** {@code GET /api/video/file/{taskId}}: the finished MP4 ({@code ?download=1} as an attachment). */
    @GetMapping("/api/video/file/{taskId}")
    public ResponseEntity<Resource> file(@PathVariable("taskId") String taskId,
            @RequestParam(value = "download", required = false) String download) {
        Path path = tasks.find(taskId).filter(t -> t.state() == Task.State.SUCCEEDED).map(tasks::file).orElse(null);
        if (path == null || !Files.isRegularFile(path)) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.valueOf("video/mp4"));
        if (download != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"video-" + taskId + ".mp4\"");
        }
        return ok.body(new FileSystemResource(path));
    }

    /** {@code GET /api/queues/status}: tasks by state. */
    @GetMapping("/api/queues/status")
    public Map<String, Object> queues() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Task.State s : Task.State.values()) {
            out.put(s.name().toLowerCase(Locale.ROOT), tasks.all().stream().filter(t -> t.state() == s).count());
        }
        out.put("total", tasks.all().size());
        return out;
    }

    /** {@code GET /api/queues/tasks/{taskId}}: one task with provider, cost and times. */
    @GetMapping("/api/queues/tasks/{taskId}")
    public ResponseEntity<Map<String, Object>> task(@PathVariable("taskId") String taskId) {
        return tasks.find(taskId).map(t -> ResponseEntity.ok(t.details())).orElseGet(() -> notFound(taskId));
    }

    /** {@code GET /api/credits}: the user's balance. */
    @GetMapping("/api/credits")
    public Map<String, Object> credits(@RequestHeader(value = USER, defaultValue = "demo") String userId) {
        return Map.of("userId", userId, "credits", credits.balance(userId), "perGeneration", settings.creditsPerGeneration());
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
