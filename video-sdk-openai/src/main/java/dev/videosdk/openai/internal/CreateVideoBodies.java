package dev.videosdk.openai.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.MediaInput;
import dev.videosdk.VideoRequest;
import dev.videosdk.openai.OpenAiExtras;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.MultipartBody;
import java.util.Locale;

/**
 * Builds the bodies of {@code POST /videos} (JSON, or multipart when the image is bytes or a file)
 * and {@code POST /videos/{id}/remix}. Field order follows OpenAI's examples: model, prompt,
 * seconds, size, input_reference. {@code seconds} is always a string.
 */
public final class CreateVideoBodies {
    private CreateVideoBodies() {
    }

    /** The {@code size} to send: the {@code size} extra, else derived from ratio and resolution. */
    public static String size(VideoRequest request, VideoProfile profile) {
        return request.extra(OpenAiExtras.SIZE).orElseGet(() -> profile.size(request.aspectRatio(), request.resolution()));
    }

    /** The JSON create body (no image, an image URL or a file id). */
    public static ObjectNode json(VideoRequest request, String model, VideoProfile profile) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", model);
        body.put("prompt", request.prompt());
        request.durationSeconds().ifPresent(s -> body.put("seconds", String.valueOf(s)));
        body.put("size", size(request, profile));
        if (!request.images().isEmpty() && request.images().get(0) instanceof MediaInput.Url url) {
            body.putObject("input_reference").put("image_url", url.uri().toString());
        } else {
            request.extra(OpenAiExtras.INPUT_FILE_ID).ifPresent(id -> body.putObject("input_reference").put("file_id", id));
        }
        return body;
    }

    /** True when the request carries image bytes (a file or in-memory data), which need multipart. */
    public static boolean needsMultipart(VideoRequest request) {
        return !request.images().isEmpty() && !(request.images().get(0) instanceof MediaInput.Url);
    }

    /** The multipart create body; {@code input_reference} is a file part with its name and MIME type. */
    public static MultipartBody multipart(VideoRequest request, String model, VideoProfile profile) {
        MediaInput image = request.images().get(0);
        MediaInput.Bytes bytes = image.toBytes();
        MultipartBody.Builder b = MultipartBody.builder()
                .field("model", model)
                .field("prompt", request.prompt());
        request.durationSeconds().ifPresent(s -> b.field("seconds", String.valueOf(s)));
        b.field("size", size(request, profile));
        return b.file("input_reference", fileName(image), bytes.mimeType(), bytes.data()).build();
    }

    /** {@code {"prompt": ...}} for a remix. */
    public static ObjectNode remix(VideoRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("prompt", request.prompt());
        return body;
    }

    /** Adds the body to a call builder: JSON or multipart. */
    static HttpCall.Builder withCreateBody(HttpCall.Builder call, VideoRequest request, String model, VideoProfile profile) {
        return needsMultipart(request) ? call.multipart(multipart(request, model, profile))
                : call.json(json(request, model, profile));
    }

    /** The part's file name: the file's own name, else {@code input_reference.<ext>} from the MIME type. */
    static String fileName(MediaInput image) {
        String name = image instanceof MediaInput.File f ? f.path().getFileName().toString()
                : "input_reference." + extension(image.mimeType());
        return name.replaceAll("[\"\\r\\n\\\\]", "_");
    }

    private static String extension(String mimeType) {
        String type = mimeType.toLowerCase(Locale.ROOT);
        if (type.endsWith("/jpeg") || type.endsWith("/jpg")) return "jpg";
        if (type.endsWith("/png")) return "png";
        if (type.endsWith("/webp")) return "webp";
        return "bin";
    }
}
