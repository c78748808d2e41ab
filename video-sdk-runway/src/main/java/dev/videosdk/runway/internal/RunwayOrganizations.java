package dev.videosdk.runway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videosdk.ErrorContext;
import dev.videosdk.ProtocolException;
import dev.videosdk.ProviderUnavailableException;
import dev.videosdk.VideoException;
import dev.videosdk.internal.Json;
import dev.videosdk.runway.RunwayOrganization;
import dev.videosdk.spi.HttpReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** Reads {@code GET /v1/organization} and the credits of a task; not API (used by {@code Runway}). */
public final class RunwayOrganizations {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RunwayOrganizations() {
    }

    /** Sends {@code GET /v1/organization} once on {@code http}. */
    public static CompletableFuture<RunwayOrganization> fetch(HttpClient http, URI baseUri, String apiKey, String version) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(apiKey, "apiKey");
        String base = baseUri.toString().endsWith("/") ? baseUri.toString().substring(0, baseUri.toString().length() - 1)
                : baseUri.toString();
        URI uri = URI.create(base + "/v1/organization");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()
                .header("Authorization", "Bearer " + apiKey)
                .header(RunwayProvider.VERSION_HEADER, version)
                .header("Accept", "application/json")
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                throw new ProviderUnavailableException("runway could not be reached (GET " + uri + "): " + cause,
                        ErrorContext.local(RunwayProvider.ID), cause);
            }
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            HttpReply reply = new HttpReply(RunwayProvider.ID, uri, response.statusCode(), headers, response.body(),
                    response.headers().firstValue("x-request-id").orElse(null), null);
            VideoException error = new RunwayErrors(Clock.systemUTC()).map(reply);
            if (error != null) {
                throw error;
            }
            return parse(reply);
        });
    }

    /** {@code cost.credits} of a task answer given as JSON text, if present. */
    public static OptionalDouble cost(String rawJson) {
        if (rawJson == null) {
            return OptionalDouble.empty();
        }
        return Json.tryParse(rawJson.getBytes(StandardCharsets.UTF_8)).map(RunwayTasks::cost)
                .orElse(OptionalDouble.empty());
    }

    static RunwayOrganization parse(HttpReply reply) {
        JsonNode root = reply.json();
        JsonNode balance = root.path("creditBalance");
        if (!balance.isNumber()) {
            throw new ProtocolException("runway organization answer has no numeric creditBalance: " + reply.excerpt(),
                    reply.context(null), null);
        }
        JsonNode tier = root.path("tier");
        Long monthly = tier.path("maxMonthlyCreditSpend").isNumber() ? tier.get("maxMonthlyCreditSpend").asLong() : null;
        Map<String, RunwayOrganization.ModelLimits> limits = new LinkedHashMap<>();
        tier.path("models").properties().forEach(e -> limits.put(e.getKey(), new RunwayOrganization.ModelLimits(
                e.getValue().path("maxConcurrentGenerations").asInt(0), e.getValue().path("maxDailyGenerations").asInt(0))));
        Map<String, Integer> daily = new LinkedHashMap<>();
        root.path("usage").path("models").properties()
                .forEach(e -> daily.put(e.getKey(), e.getValue().path("dailyGenerations").asInt(0)));
        return new RunwayOrganization(balance.asDouble(), monthly, limits, daily);
    }
}
