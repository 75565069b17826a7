using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace BackgroundBot.LiteDb.Backup;

/// <summary>Asks the bot that holds a store for a backup, over <see cref="StoreBackupListener"/>'s socket.</summary>
public static class StoreBackupClient
{
    /// <summary>Copies the running bot's backup into <paramref name="destination"/>; its length.</summary>
    /// <exception cref="SocketException">Nobody listens: the holder is a verb, not a bot.</exception>
    /// <exception cref="IOException">The bot refused, or the copy broke off.</exception>
    public static async Task<long> RequestAsync(string socketPath, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(StoreBackupListener.Request + "\n"), cancellationToken);
        var header = await StoreBackupListener.ReadLineAsync(stream, cancellationToken);
        if (header.StartsWith("error ", StringComparison.Ordinal))
        {
            throw new IOException($"the running bot could not write the backup: {header["error ".Length..]}");
        }

        if (!header.StartsWith("ok ", StringComparison.Ordinal)
            || !long.TryParse(header.AsSpan("ok ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new IOException($"the running bot answered the backup request with '{header}'");
        }

        var buffer = new byte[81920];
        var copied = 0L;
        while (copied < length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - copied)), cancellationToken);
            if (read == 0)
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"the running bot stopped sending after {copied} of {length} bytes"));
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }

        return length;
    }
}
