/**
 * Provider {@code sora-proxy}: Sora through OpenAI-compatible chat-completions gateways, progress
 * streamed over SSE; setup in {@link dev.videosdk.soraproxy.SoraProxy}. Settings: the module README.
 */
package dev.videosdk.soraproxy;
