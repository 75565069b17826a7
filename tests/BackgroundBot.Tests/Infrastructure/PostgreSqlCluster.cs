using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temp folder, for the tests of the PostgreSQL store: initdb and pg_ctl from
/// Debian's postgresql-15 (or PATH), on a free loopback port, its socket in the folder, stopped and deleted at the end.
/// initdb refuses to run as root, so as root (CI) the cluster runs as the <c>postgres</c> system user. One cluster is
/// shared by every test class in the <see cref="PostgreSqlCollection"/>; each test gets a database of its own.
/// </summary>
public sealed class PostgreSqlCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private readonly string _data;
    private int _databases;

    public PostgreSqlCluster()
    {
        // As root the cluster's owner is postgres, who must reach the folder: /tmp, whatever TMPDIR says (root's own may be closed).
        _folder = Path.Combine(IsRoot ? "/tmp" : Path.GetTempPath(), "backgroundbot-pg", Guid.NewGuid().ToString("N"));
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", Path.GetDirectoryName(_folder)!]);
        }

        Port = FreePort();
        AsOwner(Tool("initdb"), ["-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        AsOwner(Tool("pg_ctl"), [
            "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start",
            "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"),
        ]);
        Admin = string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
    }

    public int Port { get; }

    /// <summary>The cluster's maintenance database, for creating and dropping the tests' databases.</summary>
    public string Admin { get; }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}");
        Execute($"CREATE DATABASE {name}");
        return string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}");
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Kills every connection to <paramref name="connectionString"/>'s database, as a restart or an operator would.</summary>
    public int TerminateConnections(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("name", name!);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            AsOwner(Tool("pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string Tool(string name)
    {
        var debian = Path.Combine(Bin, name);
        if (File.Exists(debian))
        {
            return debian;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} not found in {Bin} or on PATH: install postgresql-15 (.ci/run does when it is missing).");
    }

    /// <summary>Runs a PostgreSQL tool as the cluster's owner: as root, the postgres system user (initdb refuses root).</summary>
    private static void AsOwner(string tool, IReadOnlyList<string> arguments)
    {
        if (IsRoot)
        {
            // runuser (util-linux) where it is, else setpriv (util-linux too, in images that trim runuser).
            if (File.Exists("/usr/sbin/runuser") || File.Exists("/sbin/runuser"))
            {
                Run("runuser", ["-u", "postgres", "--", tool, .. arguments]);
            }
            else
            {
                Run("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", tool, .. arguments]);
            }
        }
        else
        {
            Run(tool, arguments);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
