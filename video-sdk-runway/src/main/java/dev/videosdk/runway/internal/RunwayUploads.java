package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.ProtocolException;
import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.MultipartBody;
import dev.videosdk.spi.ProviderContext;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runway's ephemeral upload flow for inputs given as bytes or files: {@code POST /v1/uploads}
 * {@code {filename, type: "ephemeral"}} answers {@code {runwayUri, uploadUrl, fields}}; the file then goes
 * as {@code multipart/form-data} (the {@code fields}, then {@code file}) to {@code uploadUrl}, a storage
 * host that gets no Runway key; the {@code runway://} URI is what the create call sends. URLs and data
 * URIs pass through unchanged. Uploads are free, so both calls are retried like idempotent calls.
 */
final class RunwayUploads {
    private final RunwayProvider provider;
    /** Errors that ended an upload (identity, weakly held): no create call was sent after them. */
    private final Set<Throwable> failures = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    RunwayUploads(RunwayProvider provider) {
        this.provider = provider;
    }

    /** The wire URI of every input: as given for URLs, {@code runway://} for uploaded bytes and files. */
    CompletableFuture<Map<MediaInput, String>> resolve(List<MediaInput> inputs, ProviderContext ctx) {
        Map<MediaInput, CompletableFuture<String>> pending = new HashMap<>();
        for (MediaInput input : inputs) {
            pending.computeIfAbsent(input, i -> uri(i, ctx));
        }
        return CompletableFuture.allOf(pending.values().toArray(CompletableFuture[]::new)).handle((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                failures.add(cause);
                throw failure instanceof CompletionException c ? c : new CompletionException(cause);
            }
            Map<MediaInput, String> uris = new HashMap<>();
            pending.forEach((input, uri) -> uris.put(input, uri.join()));
            return uris;
        });
    }

    /** True when {@code error} ended an upload, so the create call was never sent and no task exists. */
    boolean failedBeforeCreate(Throwable error) {
        return error != null && failures.contains(error);
    }

    private CompletableFuture<String> uri(MediaInput input, ProviderContext ctx) {
        if (input instanceof MediaInput.Url url) {
            return CompletableFuture.completedFuture(url.uri().toString());
        }
        MediaInput.Bytes bytes;
        try {
            bytes = input.toBytes();
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(InvalidRequestException.local(RunwayProvider.ID, "images",
                    "cannot read the input to upload to runway: " + e.getCause().getMessage()));
        }
        String fileName = "videosdk-" + UUID.randomUUID() + extension(bytes.mimeType());
        HttpCall start = provider.apiCall(HttpCall.post(provider.uri("/v1/uploads")), ctx, null)
                .kind(CallKind.IDEMPOTENT)
                .json(Map.of("filename", fileName, "type", "ephemeral"))
                .build();
        return ctx.http().send(start).thenCompose(reply -> {
            Slot slot = slot(reply);
            MultipartBody.Builder form = MultipartBody.builder();
            slot.fields().forEach(form::field);
            form.file("file", fileName, bytes.mimeType(), bytes.data());
            HttpCall upload = HttpCall.post(slot.uploadUrl())
                    .kind(CallKind.IDEMPOTENT)
                    .header("Accept", "*/*")
                    .multipart(form.build())
                    .build(); // no credentials: the storage host is not Runway's API
            return ctx.http().send(upload).thenApply(done -> slot.runwayUri());
        });
    }

    /** What {@code POST /v1/uploads} answered. */
    record Slot(String runwayUri, URI uploadUrl, Map<String, String> fields) {
    }

    static Slot slot(HttpReply reply) {
        JsonNode root = reply.json();
        String runwayUri = root.path("runwayUri").asText("");
        String uploadUrl = root.path("uploadUrl").asText("");
        if (!runwayUri.startsWith("runway://") || uploadUrl.isBlank()) {
            throw new ProtocolException("runway upload answer lacks runwayUri (runway://...) or uploadUrl: "
                    + reply.excerpt(), reply.context(null), null);
        }
        URI target;
        try {
            target = new URI(uploadUrl);
        } catch (URISyntaxException e) {
            throw new ProtocolException("runway upload answer has an unreadable uploadUrl: " + reply.excerpt(),
                    reply.context(null), e);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ProtocolException("runway upload answer has a non-http uploadUrl: " + reply.excerpt(),
                    reply.context(null), null);
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        root.path("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        return new Slot(runwayUri, target, fields);
    }

    private static String extension(String mimeType) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg", "image/jpg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            case "video/webm" -> ".webm";
            case "audio/mpeg" -> ".mp3";
            default -> "";
        };
    }
}
