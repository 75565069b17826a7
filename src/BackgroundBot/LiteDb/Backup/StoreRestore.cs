namespace BackgroundBot.LiteDb.Backup;

/// <summary>
/// Puts a backup in place of a store. The store's lock is held throughout, so no bot can have it open; the store it
/// replaces is kept beside it (<c>NAME.before-restore.db</c>, with its log), never deleted.
/// </summary>
public static class StoreRestore
{
    /// <summary>Why <paramref name="backupPath"/> cannot be restored, in one line; null when it can.</summary>
    public static string? Problem(string backupPath)
    {
        ArgumentNullException.ThrowIfNull(backupPath);
        if (Directory.Exists(backupPath))
        {
            return $"{backupPath} is a folder; give the backup file written by `backup --out`.";
        }

        if (!File.Exists(backupPath) || new FileInfo(backupPath).Length == 0)
        {
            return $"No backup at {backupPath}.";
        }

        return StoreFile.Inspect(backupPath) switch
        {
            null => null,
            { Damaged: false } notAStore => $"{backupPath} is not a backup of the fact store ({notAStore.Reason}); restore takes a file written by `backup --out`.",
            var damaged => $"The backup {backupPath} is damaged ({damaged.Reason}); restore an earlier one.",
        };
    }

    /// <returns>Where the replaced store was kept, or null when there was none.</returns>
    public static string? Restore(string backupPath, string storePath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        var directory = Path.GetDirectoryName(storePath)!;
        Directory.CreateDirectory(directory);
        using var held = StoreLock.Acquire(storePath, "restore", time);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(storePath)}.restore.tmp");
        try
        {
            using (var source = new FileStream(backupPath, FileMode.Open, FileAccess.Read, FileShare.Read))
            using (var copy = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            }

            string? aside = null;
            if (File.Exists(storePath))
            {
                aside = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(storePath)}.before-restore{Path.GetExtension(storePath)}");
                File.Move(storePath, aside, overwrite: true);
                File.Delete(StoreFile.LogPathOf(aside));
            }

            // A log left beside the store belongs to the store being replaced; LiteDB would replay it onto the backup.
            if (File.Exists(StoreFile.LogPathOf(storePath)))
            {
                if (aside is not null)
                {
                    File.Move(StoreFile.LogPathOf(storePath), StoreFile.LogPathOf(aside));
                }
                else
                {
                    File.Delete(StoreFile.LogPathOf(storePath));
                }
            }

            File.Move(temporary, storePath);
            return aside;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
