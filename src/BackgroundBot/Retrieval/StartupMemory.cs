using System.Runtime;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Gives the operating system back what a large one-off load left behind. Loading the local model reads its 90 MB file
/// into an array that ONNX Runtime copies and drops; loading 100k stored vectors passes 150 MB through LiteDB's
/// documents. The garbage collector frees both at its next full collection but keeps the memory committed for a long
/// time afterwards, so a freshly started bot would sit some 200 MB above what it needs. One compacting, decommitting
/// collection right after such a load (a fraction of the load's own seconds) returns it at once.
/// </summary>
internal static class StartupMemory
{
    /// <summary>Vectors loaded at once below which the load's garbage is not worth a full collection.</summary>
    public const int LargeLoad = 4_096;

    public static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
