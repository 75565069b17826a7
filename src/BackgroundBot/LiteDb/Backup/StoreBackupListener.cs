using System.Globalization;
using System.Net.Sockets;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.LiteDb.Backup;

/// <summary>
/// Lets <c>backup</c> copy the store while the bot holds it. The running bot listens on a Unix domain socket beside
/// the store (only its owner may connect); on <c>backup</c> it writes a consistent copy under its write gate into a
/// temporary file, then streams that, so a slow reader never holds up the bot's writes.
/// </summary>
/// <remarks>Protocol: the client sends <c>backup\n</c>; the bot answers <c>ok LENGTH\n</c> and the bytes, or <c>error MESSAGE\n</c>.</remarks>
public sealed class StoreBackupListener(LiteDbStore store, TimeProvider time, ILogger<StoreBackupListener> logger) : BackgroundService
{
    public const string Request = "backup";

    /// <summary>How long a client may take to ask; backups are one at a time, so a silent client must not hold the line.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = StoreLock.SocketPathOf(store.Path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // This process holds the store, so a socket file already there was left by one that died holding it.
            File.Delete(path);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(4);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            // Backups through the bot are a convenience; the bot itself runs on without them.
            Log.BackupListenerUnavailable(logger, path, ex);
            return;
        }

        Log.BackupListening(logger, path);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var client = await listener.AcceptAsync(stoppingToken);
                await ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (SocketException ex)
        {
            Log.BackupListenerUnavailable(logger, path, ex);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var snapshot = $"{store.Path}.backup-{Guid.NewGuid():N}.tmp";
        try
        {
            var request = await ReadLineAsync(stream, linked.Token);
            if (request != Request)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes("error unknown request\n"), linked.Token);
                return;
            }

            await using (var file = new FileStream(snapshot, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                store.WriteBackup(file);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ok {file.Length}\n")), stoppingToken);
                file.Position = 0;
                await file.CopyToAsync(stream, stoppingToken);
            }

            Log.BackupServed(logger, new FileInfo(snapshot).Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or SocketException)
        {
            Log.BackupFailed(logger, ex);
            await TrySendAsync(stream, $"error {ex.Message.ReplaceLineEndings(" ")}\n");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await TrySendAsync(stream, "error no request within 30 seconds\n");
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static async Task TrySendAsync(NetworkStream stream, string line)
    {
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line));
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The client is gone; nobody is left to tell.
        }
    }

    /// <summary>One short line, read a byte at a time so nothing after it is consumed.</summary>
    internal static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the connection closed before a whole line arrived");
            }

            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString(line.ToArray());
            }

            line.Add(one[0]);
        }

        throw new IOException("the line is too long");
    }
}
