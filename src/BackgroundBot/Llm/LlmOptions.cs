namespace BackgroundBot.Llm;

/// <summary>
/// The language model behind generative answers, bound from the <c>Llm</c> section (and with the same shape from
/// <c>Embeddings</c> for semantic retrieval). No section at all means the extractive default.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>The section (and options name) of the embeddings model, which has the same shape.</summary>
    public const string EmbeddingsSection = "Embeddings";

    public LlmProvider Provider { get; set; } = LlmProvider.OpenAI;

    /// <summary>
    /// Base URL of the API, e.g. <c>http://localhost:11434/v1</c> for Ollama or <c>https://NAME.openai.azure.com/</c>
    /// for Azure OpenAI. Empty means api.openai.com (OpenAI only).
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model id (OpenAI, compatible servers) or the deployment name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>The API key: a secret, from environment or user-secrets only. May be empty for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take before it is abandoned and retried. Defaults to 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Most tokens the model may write for one answer. Defaults to 400.</summary>
    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>Sampling temperature, 0 to 2; low keeps answers close to the passages. Defaults to 0.2.</summary>
    public double Temperature { get; set; } = 0.2;

    /// <summary>Where the prompt files are. Defaults to <c>prompts/</c> beside the executable, where the build copies them.</summary>
    public string? PromptsDirectory { get; set; }

    /// <summary>How many times a failed attempt is retried before falling back to the extractive answer. Defaults to 2.</summary>
    public int MaxRetries { get; set; } = 2;
}
