/**
 * Providers {@code fal} (any fal-hosted video model, chosen by id with {@code .model("fal-ai/…")}) and
 * {@code pika} (Pika's models on fal, listed in {@link dev.videosdk.fal.PikaModels}): fal's queue API and
 * its ED25519-signed webhooks. Per-request model fields in {@link dev.videosdk.fal.FalExtras}, programmatic
 * setup in {@link dev.videosdk.fal.Fal}, webhook keys in {@link dev.videosdk.fal.FalWebhookKeys}. Settings:
 * the module README.
 */
package dev.videosdk.fal;
