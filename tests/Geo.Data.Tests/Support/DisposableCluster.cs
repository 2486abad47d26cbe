using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Geo.Data.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of its own, on a free loopback port under a temporary folder, for the tests
/// that stop and start the database (the shared test server must stay up for every other test).
/// As root, initdb and postgres run as the postgres user, since both refuse root.
/// </summary>
public sealed class DisposableCluster : IAsyncDisposable
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;

    private DisposableCluster(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string Url(string database) => $"postgresql://geo@127.0.0.1:{Port}/{database}";

    public static async Task<DisposableCluster> CreateAsync()
    {
        var dir = Directory.CreateTempSubdirectory("geo-klaster-").FullName;
        if (IsRoot) await RunAsync("chown", "postgres:postgres", dir);
        var cluster = new DisposableCluster(dir, FreePort());
        await AsPostgresAsync($"{PgBin}/initdb", "-D", cluster.Data, "-U", "geo", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartAsync();
        await AsPostgresAsync($"{PgBin}/psql", "-X", "-q", "-h", "127.0.0.1", "-p", cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "geo", "-d", "postgres", "-c", "CREATE DATABASE geo");
        return cluster;
    }

    private string Data => Path.Combine(_dir, "data");

    /// <summary>
    /// A hot standby of this cluster: <c>pg_basebackup -R</c> (streaming the WAL it needs, and
    /// writing standby.signal and primary_conninfo), started on a port of its own.
    /// </summary>
    public async Task<DisposableCluster> CreateStandbyAsync()
    {
        var dir = Directory.CreateTempSubdirectory("geo-standby-").FullName;
        if (IsRoot) await RunAsync("chown", "postgres:postgres", dir);
        var standby = new DisposableCluster(dir, FreePort());
        await AsPostgresAsync($"{PgBin}/pg_basebackup", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "geo", "-D", standby.Data, "-R", "-X", "stream", "-c", "fast");
        await standby.StartAsync();
        return standby;
    }

    /// <summary>Promotes this standby to a primary (pg_ctl promote), waiting until it accepts writes.</summary>
    public Task PromoteAsync() => AsPostgresAsync($"{PgBin}/pg_ctl", "-D", Data, "-w", "-t", "60", "promote");

    /// <summary>Runs one SQL statement as the superuser geo, through psql (for the replication functions).</summary>
    public Task PsqlAsync(string database, string sql) =>
        AsPostgresAsync($"{PgBin}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
            "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "geo", "-d", database, "-c", sql);

    public Task StartAsync() => AsPostgresAsync($"{PgBin}/pg_ctl", "-D", Data, "-l", Path.Combine(_dir, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>A fast shutdown: open sessions are ended, as when an administrator stops the server.</summary>
    public Task StopAsync() => AsPostgresAsync($"{PgBin}/pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync($"{PgBin}/pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task AsPostgresAsync(string program, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
