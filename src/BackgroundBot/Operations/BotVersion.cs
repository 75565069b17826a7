using System.Reflection;

namespace BackgroundBot.Operations;

/// <summary>The version this build reports (<c>--version</c>, <c>/about</c>, the metrics' service version): the project version and the commit it was built from.</summary>
internal static class BotVersion
{
    /// <summary>e.g. <c>1.0.0+4af17fd</c>; the commit is left out when the build did not know it.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(BotVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        // The SDK appends the full commit hash; seven characters name it as well as git does.
        return plus >= 0 && informational.Length > plus + 8 ? informational[..(plus + 8)] : informational;
    }
}
