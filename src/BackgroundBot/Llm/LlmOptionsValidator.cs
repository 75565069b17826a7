using Microsoft.Extensions.Options;

namespace BackgroundBot.Llm;

/// <summary>Checks the <c>Llm</c> (or <c>Embeddings</c>) settings as a whole, naming the setting to fix.</summary>
/// <param name="optionsName">The named options instance this validates ("" for <c>Llm</c>, "Embeddings").</param>
/// <param name="section">The configuration section, named in every message.</param>
/// <param name="configured">Whether the section exists at all; when it does not, there is nothing to check.</param>
public sealed class LlmOptionsValidator(string optionsName, string section, bool configured) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!configured || !string.Equals(name ?? "", optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var embeddings = section == LlmOptions.EmbeddingsSection;
        if (!embeddings && options.Provider is LlmProvider.Local or LlmProvider.None)
        {
            failures.Add($"{section}:Provider {options.Provider} is for Embeddings only; use OpenAI, OpenAICompatible or AzureOpenAI, or remove the {section} section for extractive answers.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.Provider == LlmProvider.None)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Provider == LlmProvider.Local)
        {
            if (options.Model is { Length: > 0 } local && !LocalEmbeddingModel.IsKnown(local))
            {
                failures.Add($"{section}:Model \"{local}\" is not a local model; use one of: {string.Join(", ", LocalEmbeddingModel.Names)}.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{section}:Model is required (the model id, or the deployment name for Azure OpenAI).");
        }

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            failures.Add($"{section}:Endpoint must be an absolute http(s) URL, e.g. http://localhost:11434/v1.");
        }

        if (options.Endpoint is null && options.Provider is LlmProvider.AzureOpenAI or LlmProvider.OpenAICompatible)
        {
            failures.Add($"{section}:Endpoint is required for provider {options.Provider}.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && (options.Provider == LlmProvider.AzureOpenAI || (options.Provider == LlmProvider.OpenAI && options.Endpoint is null)))
        {
            failures.Add($"{section}:ApiKey is required for provider {options.Provider}; set it with user-secrets or the environment variable {section}__ApiKey.");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{section}:TimeoutSeconds must be between 1 and 600.");
        }

        if (options.MaxOutputTokens is < 16 or > 8192)
        {
            failures.Add($"{section}:MaxOutputTokens must be between 16 and 8192.");
        }

        if (options.Temperature is < 0 or > 2)
        {
            failures.Add($"{section}:Temperature must be between 0 and 2.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
