package dev.videosdk.veo.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.InvalidRequestException;
import dev.videosdk.MediaInput;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import dev.videosdk.spi.HttpCall;
import dev.videosdk.spi.HttpReply;
import dev.videosdk.spi.HttpStream;
import dev.videosdk.spi.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Turns {@link MediaInput}s into Veo's inline media objects ({@code bytesBase64Encoded} +
 * {@code mimeType}, or {@code gcsUri} on Vertex AI). Veo does not fetch URLs itself, so an http(s)
 * image is fetched here first: without credentials, following up to {@value #MAX_REDIRECTS}
 * redirects, reading at most {@code maxBytes} and accepting only the allowed image types.
 */
final class MediaResolver {
    static final int MAX_REDIRECTS = 5;
    private static final Set<String> UNTYPED = Set.of("", "application/octet-stream", "binary/octet-stream");

    private final String provider;
    private final Set<String> imageTypes;
    private final long maxBytes;

    MediaResolver(String provider, Set<String> imageTypes, long maxBytes) {
        this.provider = provider;
        this.imageTypes = imageTypes;
        this.maxBytes = maxBytes;
    }

    /** The inline object for an image; {@code parameter} names it in errors. */
    CompletableFuture<ObjectNode> image(MediaInput input, String parameter, HttpTransport http) {
        try {
            if (input instanceof MediaInput.Url url) {
                String scheme = url.uri().getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("gs")) {
                    return CompletableFuture.completedFuture(gcs(url.uri(), url.mimeType() != null ? url.mimeType()
                            : MediaInput.guessMimeType(url.uri().getPath())));
                }
                if (scheme.equals("data")) {
                    return CompletableFuture.completedFuture(inline(checked(decodeDataUri(url.uri(), parameter), parameter)));
                }
                return fetch(url.uri(), parameter, http, MAX_REDIRECTS);
            }
            return CompletableFuture.completedFuture(inline(checked(input.toBytes(), parameter)));
        } catch (VideoException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(fail(parameter, "cannot read the " + parameter + " input: " + e.getMessage()));
        }
    }

    /** The object for a video to extend: a URI of an earlier generation, a gs:// URI, or inline bytes. */
    static ObjectNode video(MediaInput input) {
        if (input instanceof MediaInput.Url url) {
            if ("gs".equalsIgnoreCase(url.uri().getScheme())) {
                return gcs(url.uri(), url.mimeType() != null ? url.mimeType() : "video/mp4");
            }
            return JsonNodeFactory.instance.objectNode().put("uri", url.uri().toString());
        }
        return inline(input.toBytes());
    }

    static ObjectNode inline(MediaInput.Bytes bytes) {
        return JsonNodeFactory.instance.objectNode().put("bytesBase64Encoded", bytes.base64()).put("mimeType", bytes.mimeType());
    }

    private static ObjectNode gcs(URI uri, String mimeType) {
        return JsonNodeFactory.instance.objectNode().put("gcsUri", uri.toString()).put("mimeType", mimeType);
    }

    private MediaInput.Bytes checked(MediaInput.Bytes bytes, String parameter) {
        if (bytes.size() > maxBytes) {
            throw fail(parameter, "the " + parameter + " input is " + bytes.size() + " bytes, more than the limit of " + maxBytes);
        }
        if (!imageTypes.contains(bytes.mimeType())) {
            throw InvalidRequestException.notAllowed(provider, parameter + " type", bytes.mimeType(), imageTypes);
        }
        return bytes;
    }

    private MediaInput.Bytes decodeDataUri(URI uri, String parameter) {
        String ssp = uri.getSchemeSpecificPart();
        int comma = ssp.indexOf(',');
        if (comma < 0 || !ssp.substring(0, comma).endsWith(";base64")) {
            throw fail(parameter, "a data: URI must be base64, like data:image/png;base64,...");
        }
        String mime = ssp.substring(0, comma - ";base64".length());
        return new MediaInput.Bytes(Base64.getDecoder().decode(ssp.substring(comma + 1)), mime);
    }

    private CompletableFuture<ObjectNode> fetch(URI uri, String parameter, HttpTransport http, int redirectsLeft) {
        HttpCall call = HttpCall.get(uri).header("Accept", String.join(", ", imageTypes))
                .errors(reply -> answerError(reply, parameter)).build();
        return http.stream(call).handle((stream, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof Redirect r) {
                    if (redirectsLeft == 0) {
                        return CompletableFuture.<ObjectNode>failedFuture(fail(parameter, "the " + parameter
                                + " URL " + safe(uri) + " redirected more than " + MAX_REDIRECTS + " times"));
                    }
                    return fetch(uri.resolve(r.location), parameter, http, redirectsLeft - 1);
                }
                return CompletableFuture.<ObjectNode>failedFuture(cause);
            }
            return read(uri, stream, parameter);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<ObjectNode> read(URI uri, HttpStream stream, String parameter) {
        String type = stream.headers().getOrDefault("content-type", List.of("")).get(0);
        String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (UNTYPED.contains(mime)) {
            mime = MediaInput.guessMimeType(uri.getPath() == null ? "" : uri.getPath());
        }
        long length = stream.headers().getOrDefault("content-length", List.of("-1")).stream()
                .mapToLong(MediaResolver::parseLong).findFirst().orElse(-1);
        CappedBody body = new CappedBody(maxBytes);
        if (!imageTypes.contains(mime)) {
            body.discard(stream.body());
            return CompletableFuture.failedFuture(fail(parameter, "the " + parameter + " URL " + safe(uri)
                    + " answered Content-Type " + (type.isBlank() ? "(none)" : type) + "; accepted: " + imageTypes));
        }
        if (length > maxBytes) {
            body.discard(stream.body());
            return CompletableFuture.failedFuture(tooLarge(uri, parameter, length));
        }
        String mimeType = mime;
        stream.body().subscribe(body);
        return body.done.handle((bytes, failure) -> {
            if (failure != null) {
                if (failure instanceof TooLarge t) {
                    throw tooLarge(uri, parameter, t.size);
                }
                throw new ProviderUnavailableException("reading the " + parameter + " URL " + safe(uri) + " failed: "
                        + failure, ErrorContext.local(provider), failure);
            }
            return inline(new MediaInput.Bytes(bytes, mimeType));
        });
    }

    private static long parseLong(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private InvalidRequestException tooLarge(URI uri, String parameter, long size) {
        return fail(parameter, "the " + parameter + " URL " + safe(uri) + " holds " + size
                + " bytes or more, more than the limit of " + maxBytes + " bytes");
    }

    /** Redirects are followed here; 4xx means a bad URL (not a Veo error); 5xx/408/429 are retried by the transport. */
    private VideoException answerError(HttpReply reply, String parameter) {
        int s = reply.status();
        if (s / 100 == 2) {
            return null;
        }
        if (s / 100 == 3 && reply.header("location").isPresent()) {
            return new Redirect(reply.header("location").get(), provider);
        }
        String text = "the " + parameter + " URL " + safe(reply.uri()) + " answered HTTP " + s
                + "; Veo takes images inline, so the SDK fetches the URL first: pass a reachable URL, bytes or a file";
        if (s == 408 || s == 429 || s >= 500) {
            return new ProviderUnavailableException(text, ErrorContext.local(provider), null);
        }
        return fail(parameter, text);
    }

    private static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private InvalidRequestException fail(String parameter, String message) {
        return InvalidRequestException.local(provider, parameter, provider + ": " + message);
    }

    /** A redirect answer, carried through the transport to be followed here. */
    private static final class Redirect extends VideoException {
        private static final long serialVersionUID = 1L;
        private final String location;

        Redirect(String location, String provider) {
            super("redirect", ErrorContext.local(provider), false, null);
            this.location = location;
        }
    }

    /** The body grew past the cap. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long size;

        TooLarge(long size) {
            super("body larger than the cap", null, false, false);
            this.size = size;
        }
    }

    /** Collects a body up to a cap, cancelling the connection beyond it. */
    private static final class CappedBody implements Flow.Subscriber<List<ByteBuffer>> {
        private final long cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private boolean discard;

        CappedBody(long cap) {
            this.cap = cap;
        }

        void discard(Flow.Publisher<List<ByteBuffer>> body) {
            discard = true;
            body.subscribe(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (discard) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (out.size() + (long) b.remaining() > cap) {
                    // the reason first: JDK 25's client calls onError("Stream 1 cancelled") from within cancel()
                    done.completeExceptionally(new TooLarge(out.size() + (long) b.remaining()));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(out.toByteArray());
        }
    }
}
