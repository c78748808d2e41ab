package dev.videosdk.internal.engine;

import dev.videosdk.VideoJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The jobs this client created or waited on, most recent first, bounded: a webhook about a job the
 * client is not waiting on any more still fetches its status with the job's own key and attributes.
 * Thread-safe.
 */
final class KnownJobs {
    private final Map<String, VideoJob> jobs;

    KnownJobs(int capacity) {
        this.jobs = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VideoJob> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(VideoJob job) {
        jobs.put(job.provider() + '\u0000' + job.id(), job);
    }

    /** The job, or null when this client never saw it (or forgot it). */
    synchronized VideoJob get(String provider, String id) {
        return jobs.get(provider + '\u0000' + id);
    }
}
