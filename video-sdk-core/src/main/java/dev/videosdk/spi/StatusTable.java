package dev.videosdk.spi;

import dev.videosdk.JobState;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's status words mapped to {@link JobState}s, case-insensitively. A word that is not
 * in the table counts as {@link JobState#RUNNING}, so a status the provider adds later can never
 * end a wait early or be read as success; the overall deadline still bounds the wait.
 *
 * <pre>{@code
 * StatusTable.builder().queued("submitted").running("processing").succeeded("succeed").failed("failed").build();
 * }</pre>
 */
public final class StatusTable {
    private final Map<String, JobState> states;

    private StatusTable(Map<String, JobState> states) {
        this.states = states;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The state for a status word; unknown or null words are {@link JobState#RUNNING}. */
    public JobState stateOf(String status) {
        return known(status).orElse(JobState.RUNNING);
    }

    /** The state for a status word, empty when the word is not in the table. */
    public Optional<JobState> known(String status) {
        return status == null ? Optional.empty() : Optional.ofNullable(states.get(status.trim().toLowerCase(Locale.ROOT)));
    }

    /** Builds a {@link StatusTable}. */
    public static final class Builder {
        private final Map<String, JobState> states = new TreeMap<>();

        private Builder() {
        }

        private Builder put(JobState state, String... words) {
            for (String w : words) {
                states.put(w.toLowerCase(Locale.ROOT), state);
            }
            return this;
        }

        /** Words meaning queued. */
        public Builder queued(String... words) {
            return put(JobState.QUEUED, words);
        }

        /** Words meaning running. */
        public Builder running(String... words) {
            return put(JobState.RUNNING, words);
        }

        /** Words meaning succeeded. */
        public Builder succeeded(String... words) {
            return put(JobState.SUCCEEDED, words);
        }

        /** Words meaning failed. */
        public Builder failed(String... words) {
            return put(JobState.FAILED, words);
        }

        /** Words meaning cancelled. */
        public Builder cancelled(String... words) {
            return put(JobState.CANCELLED, words);
        }

        /** Builds the table. */
        public StatusTable build() {
            return new StatusTable(Map.copyOf(states));
        }
    }
}
