package dev.videosdk.soraproxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.GenerationFailedException;
import dev.videosdk.JobStatus;
import dev.videosdk.VideoAsset;
import dev.videosdk.VideoException;
import dev.videosdk.VideoJob;
import dev.videosdk.spi.ProviderData;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a gateway said about one generation, chunk by chunk: the assistant text (content and
 * reasoning), progress, structured result links, finish and in-stream errors; and at the end the
 * outcome, a video asset or a typed error. Fed from one thread at a time.
 */
final class ChatTranscript {
    private static final int EXCERPT = 300;

    private final VideoJob job;
    private final List<String> inputUrls;
    private final GatewayErrors errors;
    private final String requestId;
    private final TextChannel content = new TextChannel();
    private final TextChannel reasoning = new TextChannel();
    private final List<String> structuredLinks = new ArrayList<>();
    private VideoException error;
    private boolean finishReason;
    private int reportedProgress = -1;
    private boolean reportedQueued;
    private String lastChunk;
    private int chunks;

    ChatTranscript(VideoJob job, List<String> inputUrls, GatewayErrors errors, String requestId) {
        this.job = job;
        this.inputUrls = List.copyOf(inputUrls);
        this.errors = errors;
        this.requestId = requestId;
    }

    /**
     * Reads one chat-completion chunk (or a whole completion) and returns the update it brings, or
     * null when progress did not move.
     */
    JobStatus accept(JsonNode chunk, String raw) {
        chunks++;
        lastChunk = raw;
        JsonNode err = chunk.get("error");
        if (err != null && !err.isNull() && error == null) {
            error = errors.inStream(err, requestId);
            return null;
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            JsonNode choice = choices.get(0);
            JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
            content.append(text(delta.get("content")));
            reasoning.append(text(delta.get("reasoning_content")));
            for (JsonNode out : delta.path("output")) {
                String url = text(out.get("url"));
                if (url != null) {
                    structuredLinks.add(url);
                }
            }
            String finish = text(choice.get("finish_reason"));
            finishReason |= finish != null && !finish.isBlank();
        }
        int progress = Math.max(content.progress(), reasoning.progress());
        if (progress > reportedProgress) {
            reportedProgress = progress;
            return ProviderData.withRaw(JobStatus.running(progress), "in_progress", raw);
        }
        if (reportedProgress < 0 && !reportedQueued && (content.queued() || reasoning.queued())) {
            reportedQueued = true;
            return ProviderData.withRaw(JobStatus.queued(), "queued", raw);
        }
        return null;
    }

    /** An error object the stream carried, if any. */
    Optional<VideoException> error() {
        return Optional.ofNullable(error);
    }

    /** True once a chunk carried a {@code finish_reason} (any case) and a link is already there. */
    boolean finishedWithLink() {
        return finishReason && link().isPresent();
    }

    /** Number of chunks read. */
    int chunks() {
        return chunks;
    }

    /** The result link: structured {@code output[].url} first, then from the content, then from the reasoning. */
    Optional<URI> link() {
        for (String s : structuredLinks) {
            Optional<URI> uri = VideoLinks.toUri(s);
            if (uri.isPresent()) {
                return uri;
            }
        }
        Optional<URI> inContent = VideoLinks.find(content.text(), inputUrls);
        return inContent.isPresent() ? inContent : VideoLinks.find(reasoning.text(), inputUrls);
    }

    /**
     * The outcome once the stream ended ({@code how}: "[DONE]", "end of stream", ...).
     *
     * @throws VideoException when the gateway reported an error or gave no link
     */
    JobStatus conclude(String how) {
        content.finish();
        reasoning.finish();
        if (error != null) {
            throw error;
        }
        Optional<URI> link = link();
        if (link.isPresent()) {
            URI uri = link.get();
            VideoAsset asset = VideoAsset.builder().uri(uri).mimeType(VideoLinks.mimeTypeOf(uri)).variant(VideoAsset.VIDEO).job(job).build();
            return ProviderData.withRaw(JobStatus.succeeded(List.of(asset)), "completed", lastChunk);
        }
        String failure = content.failureLine() != null ? content.failureLine() : reasoning.failureLine();
        boolean policy = content.contentPolicy() || reasoning.contentPolicy();
        boolean overloaded = content.overloaded() || reasoning.overloaded();
        if (failure != null || policy || overloaded) {
            throw errors.fromText(failure, policy, overloaded, requestId);
        }
        throw new GenerationFailedException(job.provider() + " answer ended (" + how + ") after " + chunks
                + " chunk(s) without a video link; the gateway said: " + excerpt(),
                ErrorContext.of(job.provider(), 200, "no_video_link", requestId), false, null);
    }

    /** The end of what the gateway said, on one line, for messages. */
    String excerpt() {
        String said = content.text().isBlank() ? reasoning.text() : content.text();
        String oneLine = said.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "(no text)";
        }
        return oneLine.length() <= EXCERPT ? oneLine : "..." + oneLine.substring(oneLine.length() - EXCERPT);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
