package dev.videosdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.JobStatus;
import dev.videosdk.ProtocolException;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoJob;
import dev.videosdk.VideoRequest;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.ProviderCapabilities;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the {@code openai} provider with the same wire calls (JSON create, status GET),
 * used only when {@code video-sdk-openai} is not on the class path; every report says which one ran.
 */
final class LocalOpenAiProvider implements VideoProvider {
    static final String ID = "openai-local";

    private final String base;
    private final CredentialPool keys = CredentialPool.bearer(ID, List.of("bench-key"));
    private final ProviderCapabilities capabilities =
            ProviderCapabilities.builder().models(true, "sora-2").durationsSeconds(4, 8, 12).build();

    LocalOpenAiProvider(String baseUrl) {
        this.base = baseUrl + "/v1/videos";
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public CompletableFuture<VideoJob> submit(VideoRequest request, ProviderContext ctx) {
        ObjectNode body = ctx.json().createObjectNode();
        body.put("model", "sora-2").put("prompt", request.prompt()).put("seconds", "4");
        return ctx.http().send(HttpCall.post(URI.create(base)).json(body).credentials(keys).build())
                .thenApply(reply -> VideoJob.of(ID, reply.json().get("id").asText(), "sora-2", ctx.clock().instant())
                        .withKeyId(reply.credentialId()));
    }

    @Override
    public CompletableFuture<JobStatus> poll(VideoJob job, ProviderContext ctx) {
        return ctx.http().send(HttpCall.get(URI.create(base + "/" + job.id())).credentials(keys, job.keyId()).build())
                .thenApply(reply -> {
                    JsonNode v = reply.json();
                    String status = v.path("status").asText();
                    return switch (status) {
                        case "completed" -> JobStatus.succeeded(List.of(VideoAsset.video(
                                URI.create(base + "/" + job.id() + "/content"), job, null)));
                        case "queued" -> JobStatus.queued();
                        case "in_progress" -> JobStatus.running(v.path("progress").asInt());
                        default -> throw new ProtocolException("unexpected status " + status, reply.context(null), null);
                    };
                });
    }
}
