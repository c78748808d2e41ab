package dev.videosdk.fal.internal;

import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoRequest;
import dev.videosdk.fal.FalExtras;
import dev.videosdk.internal.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Request mapping shared by both providers: the submit URI, the input fields every fal video model
 * names the same way, media as URLs or data URIs, extras, and the platform headers.
 */
final class FalRequests {
    /** Largest image or video given as bytes or a file; it is inlined as a data URI (ADR 0801). */
    static final long MAX_INLINE_BYTES = 5L * 1024 * 1024;
    /** {@code owner/app[/path]}: letters, digits, {@code . _ -} per segment, at least two segments. */
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");
    private static final String HEADER_PREFIX = "fal.";

    private FalRequests() {
    }

    /**
     * What both providers share: images by URL or inlined bytes (JPEG, PNG, WebP up to
     * {@link #MAX_INLINE_BYTES}), a negative prompt, remote cancel, webhooks, no idempotency key.
     */
    static dev.videosdk.spi.ProviderCapabilities.Builder capabilities() {
        return dev.videosdk.spi.ProviderCapabilities.builder()
            .imageInputs(true, true)
            .imageMimeTypes("image/jpeg", "image/png", "image/webp")
            .maxImageBytes(FalRequests.MAX_INLINE_BYTES)
            .negativePrompt(true)
            .remoteCancel(true)
            .idempotentCreate(false)
            .webhooks(true)
            .lastFrame(false);
    }

    /** {@code <queue>/<model>}, with {@code ?fal_webhook=<url>} when the request has a callback URL. */
    static URI submitUri(URI queueBase, String model, URI callbackUrl) {
        String uri = queueBase + "/" + model;
        if (callbackUrl != null) {
            uri += "?fal_webhook=" + URLEncoder.encode(callbackUrl.toString(), StandardCharsets.UTF_8);
        }
        return URI.create(uri);
    }

    /** Checks a model id's shape ({@code owner/app[/path]}). */
    static void checkModelId(String provider, String model) {
        if (!MODEL_ID.matcher(model).matches()) {
            throw InvalidRequestException.local(provider, "model", provider + " model must be a fal model id like"
                    + " fal-ai/pika/v2.2/text-to-video (owner/app[/path]), but was \"" + model + "\"");
        }
    }

    /** {@code prompt}, {@code negative_prompt} and {@code seed}, as every fal video model names them. */
    static Map<String, Object> common(VideoRequest r) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", r.prompt());
        if (r.negativePrompt() != null) {
            input.put("negative_prompt", r.negativePrompt());
        }
        if (r.seed() != null) {
            input.put("seed", r.seed());
        }
        return input;
    }

    /** A URL as is; bytes or a file as a {@code data:} URI (checked against {@link #MAX_INLINE_BYTES} first). */
    static String media(MediaInput input) {
        if (input instanceof MediaInput.Url url) {
            return url.uri().toString();
        }
        MediaInput.Bytes bytes = input.toBytes();
        return "data:" + bytes.mimeType() + ";base64," + bytes.base64();
    }

    /** Fails when a media input given as bytes or a file is larger than can be inlined. */
    static void checkInlineSize(String provider, String parameter, MediaInput input) {
        if (input == null || input instanceof MediaInput.Url) {
            return;
        }
        long size = input instanceof MediaInput.Bytes b ? b.size() : fileSize((MediaInput.File) input);
        if (size > MAX_INLINE_BYTES) {
            throw InvalidRequestException.local(provider, parameter, provider + " sends media given as bytes or a file"
                    + " inline as a data URI, at most " + MAX_INLINE_BYTES + " bytes, but it was " + size
                    + " bytes; upload it (e.g. to fal's CDN) and pass MediaInput.url(...)");
        }
    }

    private static long fileSize(MediaInput.File file) {
        try {
            return java.nio.file.Files.size(file.path());
        } catch (java.io.IOException e) {
            throw InvalidRequestException.local("fal", "images", "media file " + file.path() + " cannot be read");
        }
    }

    /**
     * Adds the extras that are not platform headers to {@code input}.
     *
     * @throws InvalidRequestException when an extra repeats a field mapped from the request
     */
    static Map<String, Object> withExtras(String provider, Map<String, Object> input, VideoRequest r) {
        for (Map.Entry<String, Object> e : r.extras().entrySet()) {
            if (e.getKey().startsWith(HEADER_PREFIX)) {
                continue;
            }
            if (input.containsKey(e.getKey())) {
                throw InvalidRequestException.local(provider, e.getKey(), "extra \"" + e.getKey()
                        + "\" repeats a field the SDK already sets from the request; set it once, on the request");
            }
            input.put(e.getKey(), e.getValue());
        }
        return input;
    }

    /**
     * Checks the {@code fal.*} extras (known name, allowed value).
     *
     * @throws InvalidRequestException naming the extra, the value and what is allowed
     */
    static void checkHeaderExtras(String provider, VideoRequest r) {
        for (Map.Entry<String, Object> e : r.extras().entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(HEADER_PREFIX)) {
                continue;
            }
            String value = String.valueOf(e.getValue());
            switch (name) {
                case FalExtras.PRIORITY -> {
                    if (!FalExtras.PRIORITIES.contains(value)) {
                        throw InvalidRequestException.notAllowed(provider, name, value, FalExtras.PRIORITIES);
                    }
                }
                case FalExtras.REQUEST_TIMEOUT_SECONDS -> wholeSeconds(provider, name, value, 2);
                case FalExtras.OBJECT_EXPIRATION_SECONDS -> wholeSeconds(provider, name, value, 1);
                case FalExtras.NO_RETRY -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw InvalidRequestException.notAllowed(provider, name, value, java.util.List.of("true", "false"));
                    }
                }
                case FalExtras.RUNNER_HINT -> {
                    if (value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                        throw InvalidRequestException.local(provider, name, name + " must be printable ASCII, but was \""
                                + value + "\"");
                    }
                }
                default -> throw InvalidRequestException.notAllowed(provider, name, value, java.util.List.of(
                        FalExtras.PRIORITY, FalExtras.REQUEST_TIMEOUT_SECONDS, FalExtras.NO_RETRY,
                        FalExtras.OBJECT_EXPIRATION_SECONDS, FalExtras.RUNNER_HINT));
            }
        }
    }

    private static void wholeSeconds(String provider, String name, String value, long min) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            seconds = Long.MIN_VALUE;
        }
        if (seconds < min) {
            throw InvalidRequestException.local(provider, name, name + " must be whole seconds of at least " + min
                    + ", but was " + value);
        }
    }

    /**
     * The platform headers for the {@code fal.*} extras; {@code X-Fal-Request-Timeout} defaults to
     * {@code startDeadline} (whole seconds, at least 2).
     */
    static Map<String, String> headers(VideoRequest r, Duration startDeadline) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.extra(FalExtras.PRIORITY).ifPresent(v -> headers.put("X-Fal-Queue-Priority", v));
        headers.put("X-Fal-Request-Timeout", r.extra(FalExtras.REQUEST_TIMEOUT_SECONDS)
                .orElse(Long.toString(Math.max(2, startDeadline.toSeconds()))));
        r.extra(FalExtras.NO_RETRY).filter("true"::equals).ifPresent(v -> headers.put("X-Fal-No-Retry", "1"));
        r.extra(FalExtras.OBJECT_EXPIRATION_SECONDS).ifPresent(v -> headers.put("X-Fal-Object-Lifecycle-Preference",
                new String(Json.write(Map.of("expiration_duration_seconds", Long.parseLong(v))), StandardCharsets.UTF_8)));
        r.extra(FalExtras.RUNNER_HINT).ifPresent(v -> headers.put("X-Fal-Runner-Hint", v));
        return headers;
    }

    /** The resolution as fal writes it, e.g. {@code 720p}. */
    static String resolution(dev.videosdk.Resolution resolution) {
        return resolution.label().toLowerCase(Locale.ROOT);
    }
}
