package dev.videosdk.kie.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.ProtocolException;
import dev.videosdk.spi.CallKind;
import dev.videosdk.spi.CredentialPool;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.MultipartBody;
import dev.videosdk.spi.ProviderContext;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Turns image inputs into the public URLs Kie needs: http(s) URLs pass through; bytes and files go
 * to Kie's File Upload API ({@code POST /api/file-stream-upload}, multipart) and {@code data:} URLs
 * to {@code POST /api/file-base64-upload}. Uploaded files are deleted by Kie after 3 days; every
 * upload gets a unique name because the same name overwrites.
 */
final class KieUploader {
    /** The {@code uploadPath} folder the SDK uploads into. */
    static final String UPLOAD_PATH = "video-sdk";

    private final String provider;
    private final URI uploadBase;
    private final CredentialPool keys;
    private final KieErrorMapper errors;

    KieUploader(String provider, URI uploadBase, CredentialPool keys, KieErrorMapper errors) {
        this.provider = provider;
        this.uploadBase = uploadBase;
        this.keys = keys;
        this.errors = errors;
    }

    /** The public URL of {@code input}, uploading it first when it is not an http(s) URL. */
    CompletableFuture<String> publicUrl(MediaInput input, ProviderContext ctx) {
        try {
            if (input instanceof MediaInput.Url url) {
                String scheme = url.uri().getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("http") || scheme.equals("https")) {
                    return CompletableFuture.completedFuture(url.uri().toString());
                }
                if (!scheme.equals("data")) {
                    throw InvalidRequestException.local(provider, "images", provider + " fetches images by public http(s) URL; "
                            + scheme + ": URLs are not reachable for it, pass MediaInput.url(\"https://...\") or the bytes");
                }
                String name = fileName(url.mimeType() != null ? url.mimeType() : mimeOfDataUrl(url.uri()));
                return send(ctx, HttpCall.post(uploadBase.resolve("/api/file-base64-upload"))
                        .json(Map.of("base64Data", url.uri().toString(), "uploadPath", UPLOAD_PATH, "fileName", name)));
            }
            MediaInput.Bytes bytes = input.toBytes();
            String name = fileName(bytes.mimeType());
            MultipartBody body = MultipartBody.builder()
                    .file("file", name, bytes.mimeType(), bytes.data())
                    .field("uploadPath", UPLOAD_PATH)
                    .field("fileName", name)
                    .build();
            return send(ctx, HttpCall.post(uploadBase.resolve("/api/file-stream-upload")).multipart(body));
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(InvalidRequestException.local(provider, "images",
                    "cannot read the image to upload to " + provider + ": " + e.getCause().getMessage()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<String> send(ProviderContext ctx, HttpCall.Builder call) {
        // uploads are free and go under a fresh unique name, so repeating one is safe: retry like an idempotent call
        return ctx.http().send(call.kind(CallKind.IDEMPOTENT).credentials(keys).errors(errors).build()).thenApply(this::downloadUrl);
    }

    private String downloadUrl(HttpReply reply) {
        JsonNode data = reply.json().path("data");
        for (String field : List.of("downloadUrl", "fileUrl")) {
            String url = KieResultParser.text(data.path(field));
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                return url;
            }
        }
        ErrorContext ctx = reply.context(null);
        throw new ProtocolException(provider + " upload answer has no data.downloadUrl: " + reply.excerpt(), ctx, null);
    }

    private static String fileName(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        String ext = type.endsWith("png") ? ".png" : type.endsWith("webp") ? ".webp" : type.endsWith("gif") ? ".gif"
                : type.contains("jpeg") || type.contains("jpg") ? ".jpg" : "";
        return "videosdk-" + UUID.randomUUID() + ext;
    }

    private static String mimeOfDataUrl(URI dataUrl) {
        String s = dataUrl.getSchemeSpecificPart();
        int end = s.indexOf(';') >= 0 ? s.indexOf(';') : s.indexOf(',');
        return end > 0 ? s.substring(0, end) : null;
    }
}
