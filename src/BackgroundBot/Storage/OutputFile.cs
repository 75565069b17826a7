namespace BackgroundBot.Storage;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then moved over it, so a
/// failure (a full disk, a lost connection) never leaves half a file where a good one was. A device such as
/// <c>/dev/stdout</c> is written in place: it cannot be replaced, and must never be renamed over.
/// </summary>
public static class OutputFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> fill, Action<string>? check = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{path} is a folder; give the name of the file to write in it.");
        }

        if (IsDevice(full))
        {
            await using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            await fill(device);
            await device.FlushAsync();
            return;
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await fill(file);
                file.Flush(flushToDisk: true);
            }

            check?.Invoke(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void Write(string path, Action<Stream> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        WriteAsync(path, stream =>
        {
            fill(stream);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Device and process files on Unix; .NET cannot tell a character device from a file, so the path decides.</summary>
    public static bool IsDevice(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return !OperatingSystem.IsWindows()
            && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));
    }
}
