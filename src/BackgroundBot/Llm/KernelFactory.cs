using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace BackgroundBot.Llm;

/// <summary>Builds the Semantic Kernel with the configured chat model, on our own HttpClient (our retries, not the SDK's).</summary>
public static class KernelFactory
{
    public static Kernel Create(LlmOptions options, HttpClient httpClient, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        var model = options.Model!;

        // Local servers take no key, but the OpenAI client insists on one; any placeholder is fine there.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "not-needed" : options.ApiKey;
        switch (options.Provider)
        {
            case LlmProvider.AzureOpenAI:
                builder.AddAzureOpenAIChatCompletion(model, options.Endpoint!.ToString(), key, httpClient: httpClient);
                break;
            case LlmProvider.OpenAI when options.Endpoint is null:
                builder.AddOpenAIChatCompletion(model, key, httpClient: httpClient);
                break;
            default:
#pragma warning disable SKEXP0010 // A custom endpoint is how Ollama, vLLM and LM Studio are reached.
                builder.AddOpenAIChatCompletion(model, options.Endpoint!, key, httpClient: httpClient);
#pragma warning restore SKEXP0010
                break;
        }

        return builder.Build();
    }
}
