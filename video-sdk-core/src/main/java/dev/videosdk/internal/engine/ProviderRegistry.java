package dev.videosdk.internal.engine;

import dev.videosdk.internal.AsyncSemaphore;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.ConfigurationException;
import dev.videosdk.PollingPolicy;
import dev.videosdk.internal.Json;
import dev.videosdk.spi.HttpTransport;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.spi.VideoProvider;
import dev.videosdk.spi.VideoProviderFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The providers of one client: given instances, given factories and factories found with
 * {@link ServiceLoader} (looked up once). A factory's provider is created on first use, so a
 * missing key only matters for the provider that needs it.
 */
final class ProviderRegistry {
    /** A provider with everything the engine keeps per provider. */
    record Entry(VideoProvider provider, ProviderContext context, PollingPolicy polling, AsyncSemaphore limiter) {
    }

    private record Context(HttpTransport http, ScheduledExecutorService scheduler, Clock clock, ProviderConfig config,
                           String userAgent) implements ProviderContext {
        @Override
        public ObjectMapper json() {
            return Json.mapper();
        }
    }

    private final Map<String, VideoProviderFactory> factories = new LinkedHashMap<>();
    /** Ids a client may pick on its own: given providers and factories, and discovered default candidates. */
    private final Set<String> candidates = new TreeSet<>();
    private final Map<String, VideoProvider> instances = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, String> env;
    private final Function<VideoProvider, HttpTransport> transports;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String userAgent;
    private final Map<String, PollingPolicy> polling;
    private final Map<String, Integer> maxInFlight;

    ProviderRegistry(List<VideoProvider> given, List<VideoProviderFactory> givenFactories, boolean discover,
                     Map<String, String> env, Function<VideoProvider, HttpTransport> transports, ScheduledExecutorService scheduler,
                     Clock clock, String userAgent, Map<String, PollingPolicy> polling, Map<String, Integer> maxInFlight) {
        this.env = env;
        this.transports = transports;
        this.scheduler = scheduler;
        this.clock = clock;
        this.userAgent = userAgent;
        this.polling = polling;
        this.maxInFlight = maxInFlight;
        if (discover) {
            for (VideoProviderFactory f : load()) {
                if (factories.putIfAbsent(f.id(), f) == null && f.defaultCandidate()) {
                    candidates.add(f.id());
                }
            }
        }
        givenFactories.forEach(f -> {
            factories.put(f.id(), f);
            candidates.add(f.id());
        });
        given.forEach(p -> {
            instances.put(p.id(), p);
            candidates.add(p.id());
        });
    }

    private static List<VideoProviderFactory> load() {
        List<VideoProviderFactory> found = ServiceLoader.load(VideoProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.isEmpty()) {
            // the context class loader may not see the SDK's jars (some containers); try ours
            found = ServiceLoader.load(VideoProviderFactory.class, ProviderRegistry.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get).toList();
        }
        return found;
    }

    /** Ids of every known provider, sorted. */
    Set<String> ids() {
        Set<String> ids = new TreeSet<>(factories.keySet());
        ids.addAll(instances.keySet());
        return ids;
    }

    /** Closes every provider created so far; a failure is logged, not thrown. */
    void closeAll() {
        for (Entry e : entries.values()) {
            try {
                e.provider().close();
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(ProviderRegistry.class).warn("closing provider {} failed", e.provider().id(), ex);
            }
        }
    }

    /**
     * The provider for requests that name none: {@code explicit} (the builder's), else {@code fromEnv}
     * ({@code VIDEO_PROVIDER}), else the only default candidate. A discovered factory whose
     * {@link VideoProviderFactory#defaultCandidate()} is {@code false} (the fake) is used only by name.
     *
     * @throws ConfigurationException when the id is unknown, or there is no single candidate; the
     *         message names {@code VIDEO_PROVIDER} and {@code defaultProvider}
     */
    String chooseDefault(String explicit, String fromEnv) {
        String id = explicit != null ? explicit : fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : null;
        Set<String> ids = ids();
        if (id == null) {
            if (candidates.size() == 1) {
                return candidates.iterator().next();
            }
            String choose = "; choose one with VIDEO_PROVIDER=<id> or VideoClient.builder().defaultProvider(\"<id>\")";
            if (ids.isEmpty()) {
                throw new ConfigurationException("no video provider found on the class path; add a provider module "
                        + "such as dev.videosdk:video-sdk-openai", "sdk");
            }
            throw new ConfigurationException(candidates.isEmpty()
                    ? "found only providers that are never picked by default " + ids + " (test doubles)" + choose
                    : "found " + candidates.size() + " video providers " + candidates + choose, "sdk");
        }
        if (!knows(id)) {
            throw new ConfigurationException("unknown video provider '" + id + "' (from "
                    + (explicit != null ? "defaultProvider" : "VIDEO_PROVIDER")
                    + "); known providers: " + ids, id);
        }
        return id;
    }

    boolean knows(String id) {
        return instances.containsKey(id) || factories.containsKey(id);
    }

    /**
     * The entry for a provider id, creating the provider on first use.
     *
     * @throws ConfigurationException for an unknown id (listing the known ones) or a missing setting
     */
    Entry get(String id) {
        Entry existing = entries.get(id);
        if (existing != null) {
            return existing;
        }
        if (!knows(id)) {
            throw new ConfigurationException("unknown video provider '" + id + "'; known providers: " + ids()
                    + ". Add the provider's module (e.g. dev.videosdk:video-sdk-" + id + ") to the class path", id);
        }
        return entries.computeIfAbsent(id, this::create);
    }

    private Entry create(String id) {
        ProviderConfig config = new ProviderConfig(id, env);
        VideoProvider provider = instances.containsKey(id) ? instances.get(id) : factories.get(id).create(config);
        Context context = new Context(transports.apply(provider), scheduler, clock, config, userAgent);
        PollingPolicy policy = polling.getOrDefault(id, provider.defaultPolling());
        Integer limit = maxInFlight.get(id);
        return new Entry(provider, context, policy, limit == null ? null : new AsyncSemaphore(limit));
    }
}
