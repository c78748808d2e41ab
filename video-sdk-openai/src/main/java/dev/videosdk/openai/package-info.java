/**
 * Provider {@code openai}: the OpenAI-style {@code /v1/videos} protocol at any compatible gateway
 * ({@link dev.videosdk.openai.OpenAiExtras}, {@link dev.videosdk.openai.OpenAiModels}), and
 * {@link dev.videosdk.openai.OpenAiPromptRefiner}. Settings: the module README.
 */
package dev.videosdk.openai;
