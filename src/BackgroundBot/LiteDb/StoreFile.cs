using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace BackgroundBot.LiteDb;

/// <summary>
/// Looks at a store file before LiteDB opens it, reading only. LiteDB writes on open to files that are not whole
/// stores: it replaces a file that is not its own with a new store, cuts a file whose size is not whole pages, and on
/// the first broken page it meets marks the file's header for a rebuild. So only a sound LiteDB file reaches it.
/// </summary>
/// <remarks>
/// The layout checked is LiteDB 5's (file version 8): 8 KiB pages, page 0 the header page with its signature, every
/// page carrying its own number, and data and index pages whose slot tables point inside the page. A page of zeros
/// is one the file was extended by and not yet written; LiteDB treats it as empty too.
/// </remarks>
public static class StoreFile
{
    public const int PageSize = 8192;

    private const string Signature = "** This is a LiteDB file **";
    private const int SignatureAt = 32;
    private const int FileVersionAt = 59;
    private const byte FileVersion = 8;
    private const int InvalidStateAt = 191;
    private const int PageHeaderSize = 32;
    private const int SlotSize = 4;

    /// <summary>LiteDB's write-ahead log beside a store: <c>name-log.ext</c>.</summary>
    public static string LogPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-log{Path.GetExtension(path)}");

    /// <summary>True when the file starts like a LiteDB store; reads at most one page.</summary>
    public static bool HasSignature(string path)
    {
        var page = new byte[PageSize];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = stream.ReadAtLeast(page, PageSize, throwOnEndOfStream: false);
        return read > FileVersionAt && Encoding.ASCII.GetString(page, SignatureAt, Signature.Length) == Signature;
    }

    /// <summary>
    /// Why the file at <paramref name="path"/> must not be opened as a store, in one line for the operator; null when
    /// it may be: it does not exist yet, is empty (a new store), or is a sound LiteDB store.
    /// </summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return $"{path} is a folder, not a fact store file; give the file itself, e.g. --db {Path.Combine(path, "backgroundbot.db")}.";
        }

        return Inspect(path) switch
        {
            null => null,
            { Damaged: false } notAStore => $"{path} is not a BackgroundBot fact store ({notAStore.Reason}), so it was left untouched; check --db or the Store:Path setting.",
            var damaged => $"The fact store {path} is damaged ({damaged.Reason}); it was left untouched. Restore your latest backup with `restore BACKUP.db --db {path}` (README, \"Backup and restore\").",
        };
    }

    /// <summary>What is wrong with an existing, non-empty file as a LiteDB store; null when nothing is (or it is missing or empty).</summary>
    public static StoreFileProblem? Inspect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, PageSize, FileOptions.SequentialScan);
        var page = new byte[PageSize];
        var read = stream.ReadAtLeast(page, PageSize, throwOnEndOfStream: false);
        if (read <= FileVersionAt || page[0] == 1 || Encoding.ASCII.GetString(page, SignatureAt, Signature.Length) != Signature)
        {
            return NotAStore("it is not a LiteDB file");
        }

        if (page[FileVersionAt] != FileVersion)
        {
            return NotAStore(string.Create(CultureInfo.InvariantCulture, $"it is a LiteDB file of format {page[FileVersionAt]}, not {FileVersion}"));
        }

        if (stream.Length % PageSize != 0)
        {
            return Damaged(string.Create(CultureInfo.InvariantCulture, $"it ends inside a page: {stream.Length} bytes is not a whole number of {PageSize}-byte pages"));
        }

        if (page[InvalidStateAt] != 0)
        {
            return Damaged("LiteDB marked it as damaged when it last read it");
        }

        for (uint number = 1; ; number++)
        {
            if (stream.ReadAtLeast(page, PageSize, throwOnEndOfStream: false) < PageSize)
            {
                return null;
            }

            if (PageProblem(page, number) is { } problem)
            {
                return Damaged(string.Create(CultureInfo.InvariantCulture, $"page {number} {problem}"));
            }
        }
    }

    private static string? PageProblem(byte[] page, uint number)
    {
        if (page.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadUInt32LittleEndian(page);
        if (id != number)
        {
            return string.Create(CultureInfo.InvariantCulture, $"says it is page {id}");
        }

        // Empty 0, header 1 (page 0 only), collection 2, index 3, data 4.
        var type = page[4];
        if (type is not (0 or 2 or 3 or 4))
        {
            return string.Create(CultureInfo.InvariantCulture, $"has an unknown type {type}");
        }

        // Index and data pages hold segments: LiteDB's own invariants on them, which it checks (and fails on) as it reads.
        if (type is 3 or 4)
        {
            var items = page[23];
            var used = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(24));
            var fragmented = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(26));
            var nextFree = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(28));
            var highest = page[30];
            var footer = highest == byte.MaxValue ? 0 : (highest + 1) * SlotSize;
            if (nextFree != PageHeaderSize + used + fragmented || nextFree > PageSize - footer)
            {
                return "has inconsistent free space";
            }

            var slots = 0;
            for (var index = 0; highest != byte.MaxValue && index <= highest; index++)
            {
                var lengthAt = PageSize - ((index + 1) * SlotSize);
                var length = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(lengthAt));
                var position = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(lengthAt + 2));
                if (position == 0 && length == 0)
                {
                    continue;
                }

                if (position < PageHeaderSize || length == 0 || position + length > nextFree)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"has a segment outside its content ({position}+{length})");
                }

                slots++;
            }

            if (slots != items)
            {
                return "has a slot table that does not match its item count";
            }
        }

        return null;
    }

    private static StoreFileProblem NotAStore(string why) => new(Damaged: false, why);

    private static StoreFileProblem Damaged(string why) => new(Damaged: true, why);
}
