using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BackgroundBot.Tests.Architecture;

/// <summary>
/// Which top-level folder of <c>src/BackgroundBot</c> uses which, read from the sources by the C# compiler: every
/// name in a file is bound, and a name declared in another folder's file is a dependency of this file's folder.
/// </summary>
internal sealed class FeatureDependencies
{
    private FeatureDependencies(IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> edges) => Edges = edges;

    /// <summary>Each dependency between two folders, with the files (relative paths) that make it.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges { get; }

    public static string SourceRoot
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "BackgroundBot.sln")))
            {
                folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException($"No BackgroundBot.sln above {AppContext.BaseDirectory}.");
            }

            return Path.Combine(folder, "src", "BackgroundBot");
        }
    }

    public static FeatureDependencies Read(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(root, f).StartsWith("bin/", StringComparison.Ordinal) && !Relative(root, f).StartsWith("obj/", StringComparison.Ordinal))
            .ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), f)).ToList();

        // The compiled dependencies beside the tests (LiteDB, Semantic Kernel, the Discord layer …) and the framework,
        // but not the bot's own assembly: its types come from the sources being read.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => Path.GetFileName(p) is not ("BackgroundBot.dll" or "BackgroundBot.Tests.dll" or "BackgroundBot.Benchmarks.dll"))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToList();
        var compilation = CSharpCompilation.Create("BackgroundBot.Read", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var tree in trees)
        {
            var from = FolderOf(root, tree.FilePath);
            if (from is null)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (DeclaringFile(symbol) is not { } declared || FolderOf(root, declared) is not { } to || to == from)
                {
                    continue;
                }

                if (!edges.TryGetValue((from, to), out var causes))
                {
                    edges[(from, to)] = causes = new SortedSet<string>(StringComparer.Ordinal);
                }

                causes.Add(Relative(root, tree.FilePath));
            }
        }

        return new FeatureDependencies(edges.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value]));
    }

    /// <summary>The file declaring a symbol's type (for a member, its containing type's), when it is one of the sources.</summary>
    private static string? DeclaringFile(ISymbol? symbol)
    {
        symbol = symbol switch
        {
            IMethodSymbol { ReducedFrom: { } extension } => extension,
            IAliasSymbol alias => alias.Target,
            _ => symbol,
        };
        var type = symbol switch
        {
            null or INamespaceSymbol => null,
            INamedTypeSymbol named => named.OriginalDefinition,
            _ => symbol.ContainingType?.OriginalDefinition,
        };
        return type?.Locations.FirstOrDefault(l => l.IsInSource)?.SourceTree?.FilePath;
    }

    /// <summary>The top-level folder of a file (<c>Knowledge</c> for <c>Knowledge/Import/ArticleReader.cs</c>); null for files at the root.</summary>
    private static string? FolderOf(string root, string path)
    {
        var relative = Relative(root, path);
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? null : relative[..slash];
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
