/**
 * A consumer as the README shows it: {@code requires dev.videosdk}, providers found as services on the
 * module path; and the optional modules an application requires by name (durable queue, media, metrics).
 */
module dev.videosdk.moduletest {
    requires dev.videosdk;
    requires dev.videosdk.jobs;
    requires dev.videosdk.media;
    requires dev.videosdk.micrometer;
}
