package dev.videosdk.jobs;

import java.time.Instant;

/**
 * One entry of a job's history: a state it entered, or a note on a step.
 *
 * @param at     when
 * @param state  the state after the event
 * @param detail what happened (e.g. {@code "accepted fake-12"}, {@code "step thumbnail done"}), or null
 */
public record QueueEvent(Instant at, QueueState state, String detail) {
}
