using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Answering.Quality;

/// <summary>One store seeded as the product seeds it (seed article and starter pack), shared by a test class that only asks.</summary>
public sealed class PackStoreFixture : IDisposable
{
    public TestStore Store { get; } = new(pack: true);

    public void Dispose() => Store.Dispose();
}
