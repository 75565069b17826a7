using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackgroundBot.Knowledge;

namespace BackgroundBot.LiteDb;

/// <summary>
/// One process at a time per store. LiteDB's direct mode takes no lock between processes, and two writers hand out
/// the same ids and delete each other's write-ahead log, so every process that opens a store first takes an exclusive
/// OS lock on <c>STORE.lock</c> beside it and holds it until it closes the store. The OS releases it if the process
/// dies. Who holds it (process id, verb, since when) is in <c>STORE.owner</c>, because a locked file cannot be read
/// by anyone else; the lock file itself is never deleted, as deleting it would let two processes lock two files.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerPath;

    private StoreLock(FileStream held, string ownerPath)
    {
        _lock = held;
        _ownerPath = ownerPath;
    }

    /// <summary>The lock file beside a store.</summary>
    public static string LockPathOf(string storePath) => storePath + ".lock";

    /// <summary>Where a running bot takes backup requests: beside the store, or in the temp folder when that path is too long for a socket.</summary>
    public static string SocketPathOf(string storePath)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        var beside = storePath + ".sock";

        // sun_path holds 108 bytes on Linux and 104 on macOS, the terminating zero included.
        if (Encoding.UTF8.GetByteCount(beside) < 100)
        {
            return beside;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storePath)))[..16];
        return Path.Combine(Path.GetTempPath(), $"backgroundbot-{hash}.sock");
    }

    /// <summary>Takes the store for this process, or throws <see cref="StoreBusyException"/> naming the process that has it.</summary>
    /// <param name="verb">What this process is, as the refused one will be told: <c>serve</c>, <c>facts retract</c>.</param>
    public static StoreLock Acquire(string storePath, string verb, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(time);
        FileStream held;
        try
        {
            held = new FileStream(LockPathOf(storePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            throw new StoreBusyException(storePath, ReadOwner(storePath), ex);
        }

        var owner = new StoreOwner(Environment.ProcessId, verb, time.GetUtcNow());
        var ownerPath = storePath + ".owner";
        try
        {
            var temporary = ownerPath + ".tmp";
            File.WriteAllText(temporary, owner.ToText());
            File.Move(temporary, ownerPath, overwrite: true);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new StoreLock(held, ownerPath);
    }

    // EWOULDBLOCK from flock on Linux and macOS, ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows.
    private static bool IsHeldElsewhere(IOException ex) => ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>Who holds the store now, as far as its owner file says; null when nobody has said.</summary>
    public static StoreOwner? ReadOwner(string storePath)
    {
        try
        {
            return StoreOwner.Parse(File.ReadAllText(storePath + ".owner"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // The owner file goes first: once the lock is released the next holder writes its own.
        try
        {
            File.Delete(_ownerPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Debug.WriteLine($"Owner file {_ownerPath} not deleted: {ex.Message}");
        }

        _lock.Dispose();
    }
}
