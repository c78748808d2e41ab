/**
 * A durable job queue shared by every instance of an application over JDBC (db-scheduler; PostgreSQL, or
 * an embedded H2 file by default). Start with {@link dev.videosdk.jobs.VideoQueue#builder()}; a job's
 * life is a {@link dev.videosdk.jobs.QueueRecord} in a {@link dev.videosdk.jobs.QueueState}; your own work
 * after the download is a {@link dev.videosdk.jobs.PostProcessingStep}; credits are kept in the
 * {@link dev.videosdk.jobs.CreditsLedger} at the prices of a {@link dev.videosdk.jobs.Pricing}.
 */
package dev.videosdk.jobs;
