using System.ClientModel;
using System.ClientModel.Primitives;
using BackgroundBot.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using OpenAI;

namespace BackgroundBot.Retrieval;

/// <summary>Builds the embedding generator for the <c>Embeddings</c> settings through Semantic Kernel's OpenAI connectors.</summary>
public static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(LlmOptions options, HttpClient httpClient, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "not-needed" : options.ApiKey;

        // The embedding-generator connectors are marked experimental; they are Semantic Kernel's current embeddings API.
#pragma warning disable SKEXP0010
        if (options.Provider == LlmProvider.AzureOpenAI)
        {
            builder.AddAzureOpenAIEmbeddingGenerator(options.Model!, options.Endpoint!.ToString(), key, httpClient: httpClient);
        }
        else
        {
            // Our own pipeline does the retrying, so the SDK's is switched off, as Semantic Kernel does for chat.
            var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                Transport = new HttpClientPipelineTransport(httpClient),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
            builder.AddOpenAIEmbeddingGenerator(options.Model!, client);
        }
#pragma warning restore SKEXP0010

        return builder.Build().GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    }
}
