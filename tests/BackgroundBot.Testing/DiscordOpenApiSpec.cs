using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace BackgroundBot.Testing;

/// <summary>
/// Discord's OpenAPI description, read from <c>../shared/discord/openapi.json</c> beside the repository (never copied into it).
/// Turns the JSON request body of an operation into a JSON Schema (2020-12, which OpenAPI 3.1 schemas are) with every component
/// schema under <c>$defs</c>, so a recorded body can be validated against exactly what Discord documents.
/// </summary>
public sealed class DiscordOpenApiSpec
{
    private static readonly Lazy<DiscordOpenApiSpec> Shared = new(Load);

    private readonly JsonObject _document;
    private readonly JsonObject _defs;
    private readonly List<(Regex Pattern, string Template, int Parameters)> _paths;
    private readonly Dictionary<string, JsonSchema> _schemas = [];

    private DiscordOpenApiSpec(JsonObject document)
    {
        _document = document;
        _defs = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        _paths = document["paths"]!.AsObject()
            .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"), p.Key, p.Key.Count(c => c == '{')))
            .OrderBy(p => p.Item3)
            .ToList();
    }

    public static DiscordOpenApiSpec Instance => Shared.Value;

    /// <summary>Where the spec must be: <c>../shared/discord/openapi.json</c> relative to the folder holding BackgroundBot.sln.</summary>
    public static string Location
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BackgroundBot.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                throw new InvalidOperationException($"No BackgroundBot.sln above {AppContext.BaseDirectory}; cannot find ../shared/discord/openapi.json.");
            }

            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "discord", "openapi.json"));
        }
    }

    private static DiscordOpenApiSpec Load()
    {
        var path = Location;
        if (!File.Exists(path))
        {
            // Contract tests exist to check against the real spec; without it they must fail, never pass vacuously.
            throw new FileNotFoundException(
                $"Discord's OpenAPI spec is missing at {path}. The contract tests (Category=Contract) need it; " +
                "run them where ../shared/discord/openapi.json exists (as .ci/run does), or filter them out with --filter Category!=Contract.",
                path);
        }

        return new DiscordOpenApiSpec(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    /// <summary>The documented path template a concrete path belongs to (literal segments win over parameters).</summary>
    public string TemplateOf(string path) =>
        _paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template
        ?? throw new InvalidOperationException($"{path} is not a path in Discord's OpenAPI spec.");

    /// <summary>Validates a body against the operation's JSON request body schema; returns the errors (empty when valid).</summary>
    public IReadOnlyList<string> Validate(string method, string path, string body)
    {
        var template = TemplateOf(path);
        var schema = SchemaFor(method.ToLowerInvariant(), template);
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty($"{method} {template}: body does not match the spec")
            .ToList();
    }

    private JsonSchema SchemaFor(string method, string template)
    {
        var key = method + " " + template;
        lock (_schemas)
        {
            if (_schemas.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var operation = _document["paths"]![template]![method]
                ?? throw new InvalidOperationException($"Discord's OpenAPI spec has no {method.ToUpperInvariant()} {template}.");
            var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"]
                ?? throw new InvalidOperationException($"{method.ToUpperInvariant()} {template} takes no JSON body in Discord's OpenAPI spec.");
            var root = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = "https://discord.test/openapi/" + Uri.EscapeDataString(key),
                ["$defs"] = _defs.DeepClone(),
                ["allOf"] = new JsonArray(JsonNode.Parse(bodySchema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))),
            };
            var schema = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            _schemas[key] = schema;
            return schema;
        }
    }
}
