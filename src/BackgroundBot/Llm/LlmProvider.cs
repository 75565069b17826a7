namespace BackgroundBot.Llm;

public enum LlmProvider
{
    /// <summary>api.openai.com, or any OpenAI-compatible server when <c>Endpoint</c> is set (Ollama, vLLM, LM Studio).</summary>
    OpenAI,

    /// <summary>An Azure OpenAI resource; <c>Model</c> is the deployment name.</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible server at <c>Endpoint</c> (Ollama, vLLM, LM Studio); the key may be empty.</summary>
    OpenAICompatible,

    /// <summary>Embeddings only: a sentence-embedding model that runs in this process (see <c>LocalEmbeddingModel</c>).</summary>
    Local,

    /// <summary>Embeddings only: no embeddings; retrieval and relevance are lexical.</summary>
    None,
}
